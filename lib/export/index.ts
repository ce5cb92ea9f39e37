/*
 * Node entry point of the export module (CLI, scripts). Browser code must import from
 * ./builders instead: this file pulls in node:fs through writeReportFiles.
 */
export * from './builders';
export { writeReportFiles } from './write-files';
