// Versions written into every report (SPEC §4.1). DEFINITION_VERSION changes whenever an
// indicator definition or code list (e.g. the §3.3 diagnosis list) changes.
export const VERSION = '0.1.0';
export const DEFINITION_VERSION = 'rm-2015-2018.1';
export const SCHEMA_VERSION = 1;
