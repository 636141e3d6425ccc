/**
 * Reads the knowledge base's workbook ("knowledge pills", .xlsx with Apache POI) into the rows that
 * {@link it.sportello.kb.KnowledgeImport} checks and writes.
 */
package it.sportello.kb.excel;
