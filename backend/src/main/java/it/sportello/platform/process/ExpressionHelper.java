package it.sportello.platform.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.NamedInterface;

/**
 * Marks a Spring bean that the models' expressions may call by name, besides the delegates and
 * listeners (for example {@code ${kbDeadlines.dueDate('P5D')}}). Every other bean is invisible to
 * expressions and refused at deployment. Mark only small helpers that compute values from their
 * arguments: whatever they expose, an analyst who deploys a model can call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@NamedInterface("process")
public @interface ExpressionHelper {}
