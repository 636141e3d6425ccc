/** Small types shared by every module: the errors that become problem details. */
package it.sportello.shared;
