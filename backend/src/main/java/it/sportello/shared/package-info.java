/** Small types shared by every module: the errors that become problem details. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package it.sportello.shared;
