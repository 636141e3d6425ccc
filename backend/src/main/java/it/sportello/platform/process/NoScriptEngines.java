package it.sportello.platform.process;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine's script engines: none. A script that got past the deployment rules still finds no
 * engine to run it (the engine reports "Can't find scripting engine"), in BPMN and in DMN alike.
 */
class NoScriptEngines implements ScriptEngineResolver {

  private final ScriptEngineManager empty = new ScriptEngineManager(null);

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory factory) {
    // refused: no script language is installed in the engine
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return empty;
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    return null;
  }
}
