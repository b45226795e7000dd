-- triple-aim: counts of SPEC §3 (profile national) compiled to SQL (SPEC §15).
-- Indicators: readmission-30d, preventable-admissions-65, acute-short-admissions, ready-for-discharge-days, ready-for-discharge-days-somatic, ready-for-discharge-days-psychiatric, discharges-outside-daytime, cost-per-capita, cofinancing-per-capita
-- Periods: 2022
-- Breakdown: municipality
-- Result: indicator, period, municipality, cell, numerator, denominator, units — feed it back with `triple-aim compute --counts FILE.csv`.
-- Run: psql -v ON_ERROR_STOP=1 -f script.sql --csv -o counts.csv (the result set is the script's last statement).
WITH
-- SPEC §3.2 no. 1, §3.3: the diagnosis code lists (src/domain/diagnoses.ts), one prefix per row.
"code_lists" AS (
  SELECT CAST("v"."list" AS TEXT) AS "list", CAST("v"."prefix" AS TEXT) AS "prefix", CAST("v"."prefix_length" AS INTEGER) AS "prefix_length"
  FROM (VALUES ('cancer', 'C00', 3), ('cancer', 'C01', 3), ('cancer', 'C02', 3), ('cancer', 'C03', 3), ('cancer', 'C04', 3), ('cancer', 'C05', 3), ('cancer', 'C06', 3), ('cancer', 'C07', 3), ('cancer', 'C08', 3), ('cancer', 'C09', 3), ('cancer', 'C10', 3), ('cancer', 'C11', 3), ('cancer', 'C12', 3), ('cancer', 'C13', 3), ('cancer', 'C14', 3), ('cancer', 'C15', 3), ('cancer', 'C16', 3), ('cancer', 'C17', 3), ('cancer', 'C18', 3), ('cancer', 'C19', 3), ('cancer', 'C20', 3), ('cancer', 'C21', 3), ('cancer', 'C22', 3), ('cancer', 'C23', 3), ('cancer', 'C24', 3), ('cancer', 'C25', 3), ('cancer', 'C26', 3), ('cancer', 'C27', 3), ('cancer', 'C28', 3), ('cancer', 'C29', 3), ('cancer', 'C30', 3), ('cancer', 'C31', 3), ('cancer', 'C32', 3), ('cancer', 'C33', 3), ('cancer', 'C34', 3), ('cancer', 'C35', 3), ('cancer', 'C36', 3), ('cancer', 'C37', 3), ('cancer', 'C38', 3), ('cancer', 'C39', 3), ('cancer', 'C40', 3), ('cancer', 'C41', 3), ('cancer', 'C42', 3), ('cancer', 'C43', 3), ('cancer', 'C44', 3), ('cancer', 'C45', 3), ('cancer', 'C46', 3), ('cancer', 'C47', 3), ('cancer', 'C48', 3), ('cancer', 'C49', 3), ('cancer', 'C50', 3), ('cancer', 'C51', 3), ('cancer', 'C52', 3), ('cancer', 'C53', 3), ('cancer', 'C54', 3), ('cancer', 'C55', 3), ('cancer', 'C56', 3), ('cancer', 'C57', 3), ('cancer', 'C58', 3), ('cancer', 'C59', 3), ('cancer', 'C60', 3), ('cancer', 'C61', 3), ('cancer', 'C62', 3), ('cancer', 'C63', 3), ('cancer', 'C64', 3), ('cancer', 'C65', 3), ('cancer', 'C66', 3), ('cancer', 'C67', 3), ('cancer', 'C68', 3), ('cancer', 'C69', 3), ('cancer', 'C70', 3), ('cancer', 'C71', 3), ('cancer', 'C72', 3), ('cancer', 'C73', 3), ('cancer', 'C74', 3), ('cancer', 'C75', 3), ('cancer', 'C76', 3), ('cancer', 'C77', 3), ('cancer', 'C78', 3), ('cancer', 'C79', 3), ('cancer', 'C80', 3), ('cancer', 'C81', 3), ('cancer', 'C82', 3), ('cancer', 'C83', 3), ('cancer', 'C84', 3), ('cancer', 'C85', 3), ('cancer', 'C86', 3), ('cancer', 'C87', 3), ('cancer', 'C88', 3), ('cancer', 'C89', 3), ('cancer', 'C90', 3), ('cancer', 'C91', 3), ('cancer', 'C92', 3), ('cancer', 'C93', 3), ('cancer', 'C94', 3), ('cancer', 'C95', 3), ('cancer', 'C96', 3), ('cancer', 'C97', 3), ('cancer', 'C98', 3), ('cancer', 'C99', 3), ('cancer', 'D00', 3), ('cancer', 'D01', 3), ('cancer', 'D02', 3), ('cancer', 'D03', 3), ('cancer', 'D04', 3), ('cancer', 'D05', 3), ('cancer', 'D06', 3), ('cancer', 'D07', 3), ('cancer', 'D08', 3), ('cancer', 'D09', 3), ('z76_3', 'Z763', 4), ('birth', 'O80', 3), ('birth', 'O81', 3), ('birth', 'O82', 3), ('birth', 'O83', 3), ('birth', 'O84', 3), ('injury', 'S', 1), ('injury', 'T', 1), ('injury', 'V', 1), ('injury', 'W', 1), ('injury', 'X', 1), ('injury', 'Y', 1), ('preventable', 'A00', 3), ('preventable', 'A01', 3), ('preventable', 'A02', 3), ('preventable', 'A03', 3), ('preventable', 'A04', 3), ('preventable', 'A05', 3), ('preventable', 'A06', 3), ('preventable', 'A07', 3), ('preventable', 'A08', 3), ('preventable', 'A09', 3), ('preventable', 'D50', 3), ('preventable', 'D51', 3), ('preventable', 'D52', 3), ('preventable', 'D53', 3), ('preventable', 'E86', 3), ('preventable', 'J12', 3), ('preventable', 'J13', 3), ('preventable', 'J14', 3), ('preventable', 'J15', 3), ('preventable', 'J16', 3), ('preventable', 'J17', 3), ('preventable', 'J18', 3), ('preventable', 'J20', 3), ('preventable', 'J21', 3), ('preventable', 'J22', 3), ('preventable', 'K590', 4), ('preventable', 'L89', 3), ('preventable', 'N30', 3), ('preventable', 'N390', 4), ('preventable', 'S32', 3), ('preventable', 'S42', 3), ('preventable', 'S52', 3), ('preventable', 'S72', 3), ('preventable', 'Z59', 3), ('preventable', 'Z74', 3), ('preventable', 'Z75', 3)) AS "v"("list", "prefix", "prefix_length")
),
-- SPEC §3.2 no. 1, §14.3: the code lists of the profile’s readmission rules (src/indicators/readmission-rules.ts).
"readmission_lists" AS MATERIALIZED (
  SELECT CAST("v"."list" AS TEXT) AS "list", CAST("v"."prefix" AS TEXT) AS "prefix", CAST("v"."prefix_length" AS INTEGER) AS "prefix_length"
  FROM (VALUES ('l0', 'C00', 3), ('l0', 'C01', 3), ('l0', 'C02', 3), ('l0', 'C03', 3), ('l0', 'C04', 3), ('l0', 'C05', 3), ('l0', 'C06', 3), ('l0', 'C07', 3), ('l0', 'C08', 3), ('l0', 'C09', 3), ('l0', 'C10', 3), ('l0', 'C11', 3), ('l0', 'C12', 3), ('l0', 'C13', 3), ('l0', 'C14', 3), ('l0', 'C15', 3), ('l0', 'C16', 3), ('l0', 'C17', 3), ('l0', 'C18', 3), ('l0', 'C19', 3), ('l0', 'C20', 3), ('l0', 'C21', 3), ('l0', 'C22', 3), ('l0', 'C23', 3), ('l0', 'C24', 3), ('l0', 'C25', 3), ('l0', 'C26', 3), ('l0', 'C27', 3), ('l0', 'C28', 3), ('l0', 'C29', 3), ('l0', 'C30', 3), ('l0', 'C31', 3), ('l0', 'C32', 3), ('l0', 'C33', 3), ('l0', 'C34', 3), ('l0', 'C35', 3), ('l0', 'C36', 3), ('l0', 'C37', 3), ('l0', 'C38', 3), ('l0', 'C39', 3), ('l0', 'C40', 3), ('l0', 'C41', 3), ('l0', 'C42', 3), ('l0', 'C43', 3), ('l0', 'C44', 3), ('l0', 'C45', 3), ('l0', 'C46', 3), ('l0', 'C47', 3), ('l0', 'C48', 3), ('l0', 'C49', 3), ('l0', 'C50', 3), ('l0', 'C51', 3), ('l0', 'C52', 3), ('l0', 'C53', 3), ('l0', 'C54', 3), ('l0', 'C55', 3), ('l0', 'C56', 3), ('l0', 'C57', 3), ('l0', 'C58', 3), ('l0', 'C59', 3), ('l0', 'C60', 3), ('l0', 'C61', 3), ('l0', 'C62', 3), ('l0', 'C63', 3), ('l0', 'C64', 3), ('l0', 'C65', 3), ('l0', 'C66', 3), ('l0', 'C67', 3), ('l0', 'C68', 3), ('l0', 'C69', 3), ('l0', 'C70', 3), ('l0', 'C71', 3), ('l0', 'C72', 3), ('l0', 'C73', 3), ('l0', 'C74', 3), ('l0', 'C75', 3), ('l0', 'C76', 3), ('l0', 'C77', 3), ('l0', 'C78', 3), ('l0', 'C79', 3), ('l0', 'C80', 3), ('l0', 'C81', 3), ('l0', 'C82', 3), ('l0', 'C83', 3), ('l0', 'C84', 3), ('l0', 'C85', 3), ('l0', 'C86', 3), ('l0', 'C87', 3), ('l0', 'C88', 3), ('l0', 'C89', 3), ('l0', 'C90', 3), ('l0', 'C91', 3), ('l0', 'C92', 3), ('l0', 'C93', 3), ('l0', 'C94', 3), ('l0', 'C95', 3), ('l0', 'C96', 3), ('l0', 'C97', 3), ('l0', 'C98', 3), ('l0', 'C99', 3), ('l0', 'D00', 3), ('l0', 'D01', 3), ('l0', 'D02', 3), ('l0', 'D03', 3), ('l0', 'D04', 3), ('l0', 'D05', 3), ('l0', 'D06', 3), ('l0', 'D07', 3), ('l0', 'D08', 3), ('l0', 'D09', 3), ('l1', 'Z763', 4), ('l2', 'F', 1), ('l3', 'O80', 3), ('l3', 'O81', 3), ('l3', 'O82', 3), ('l3', 'O83', 3), ('l3', 'O84', 3), ('l4', 'S', 1), ('l4', 'T00', 3), ('l4', 'T01', 3), ('l4', 'T02', 3), ('l4', 'T03', 3), ('l4', 'T04', 3), ('l4', 'T05', 3), ('l4', 'T06', 3), ('l4', 'T07', 3), ('l4', 'T08', 3), ('l4', 'T09', 3), ('l4', 'T10', 3), ('l4', 'T11', 3), ('l4', 'T12', 3), ('l4', 'T13', 3), ('l4', 'T14', 3), ('l4', 'T15', 3), ('l4', 'T16', 3), ('l4', 'T17', 3), ('l4', 'T18', 3), ('l4', 'T19', 3), ('l4', 'T20', 3), ('l4', 'T21', 3), ('l4', 'T22', 3), ('l4', 'T23', 3), ('l4', 'T24', 3), ('l4', 'T25', 3), ('l4', 'T26', 3), ('l4', 'T27', 3), ('l4', 'T28', 3), ('l4', 'T29', 3), ('l4', 'T30', 3), ('l4', 'T31', 3), ('l4', 'T32', 3), ('l4', 'T33', 3), ('l4', 'T34', 3), ('l4', 'T35', 3), ('l4', 'T51', 3), ('l4', 'T52', 3), ('l4', 'T53', 3), ('l4', 'T54', 3), ('l4', 'T55', 3), ('l4', 'T56', 3), ('l4', 'T57', 3), ('l4', 'T58', 3), ('l4', 'T59', 3), ('l4', 'T60', 3), ('l4', 'T61', 3), ('l4', 'T62', 3), ('l4', 'T63', 3), ('l4', 'T64', 3), ('l4', 'T65', 3), ('l4', 'T66', 3), ('l4', 'T67', 3), ('l4', 'T68', 3), ('l4', 'T69', 3), ('l4', 'T70', 3), ('l4', 'T71', 3), ('l4', 'T72', 3), ('l4', 'T73', 3), ('l4', 'T74', 3), ('l4', 'T75', 3), ('l4', 'T76', 3), ('l4', 'T77', 3), ('l4', 'T78', 3), ('l4', 'T79', 3), ('l4', 'T90', 3), ('l4', 'T91', 3), ('l4', 'T92', 3), ('l4', 'T93', 3), ('l4', 'T94', 3), ('l4', 'T95', 3), ('l4', 'T96', 3), ('l4', 'T97', 3), ('l4', 'T98', 3), ('l4', 'X', 1), ('l4', 'Y', 1)) AS "v"("list", "prefix", "prefix_length")
),
-- SPEC §14.1, §15: contacts.csv with its canonical columns and types, its enumerations mapped from the declared vocabulary.
"contacts_read" AS MATERIALIZED (
  SELECT
    CAST("contact_id" AS TEXT) AS "contact_id",
    CAST("patient_id" AS TEXT) AS "patient_id",
    CAST("start_at" AS TIMESTAMP) AS "start_at",
    CAST("end_at" AS TIMESTAMP) AS "end_at",
    CAST(CASE WHEN (CASE WHEN (TRIM(CAST("contact_type" AS TEXT)) IS NULL) THEN CAST(NULL AS TEXT) ELSE CASE TRIM(CAST("contact_type" AS TEXT)) WHEN '' THEN CAST(NULL AS TEXT) WHEN 'physical' THEN 'physical' WHEN 'ALCA00' THEN 'physical' WHEN 'fysisk' THEN 'physical' WHEN 'home' THEN 'home' WHEN 'ALCA10' THEN 'home' WHEN 'ude' THEN 'home' WHEN 'udekontakt' THEN 'home' WHEN 'hjemme' THEN 'home' WHEN 'virtual' THEN 'virtual' WHEN 'ALCA20' THEN 'virtual' WHEN 'virtuel' THEN 'virtual' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("contact_type" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'physical' THEN 'physical' WHEN 'alca00' THEN 'physical' WHEN 'fysisk' THEN 'physical' WHEN 'home' THEN 'home' WHEN 'alca10' THEN 'home' WHEN 'ude' THEN 'home' WHEN 'udekontakt' THEN 'home' WHEN 'hjemme' THEN 'home' WHEN 'virtual' THEN 'virtual' WHEN 'alca20' THEN 'virtual' WHEN 'virtuel' THEN 'virtual' ELSE CAST(NULL AS TEXT) END END END = 'physical') THEN 1 ELSE 0 END AS INTEGER) AS "physical",
    CAST(CASE WHEN (TRIM(CAST("priority" AS TEXT)) IS NULL) THEN CAST(NULL AS INTEGER) ELSE CASE TRIM(CAST("priority" AS TEXT)) WHEN '' THEN CAST(NULL AS INTEGER) WHEN 'acute' THEN 1 WHEN 'akut' THEN 1 WHEN 'ATA1' THEN 1 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN 'ATA3' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("priority" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'acute' THEN 1 WHEN 'akut' THEN 1 WHEN 'ata1' THEN 1 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN 'ata3' THEN 0 ELSE CAST(NULL AS INTEGER) END END END AS INTEGER) AS "acute",
    CAST(CASE WHEN ((SUBSTRING(REPLACE(REPLACE(UPPER(CAST("action_diagnosis" AS TEXT)), '.', ''), ' ', ''), 1, 1) = 'D') AND (SUBSTRING(SUBSTRING(REPLACE(REPLACE(UPPER(CAST("action_diagnosis" AS TEXT)), '.', ''), ' ', ''), 1, 2) FROM 2) >= 'A') AND (SUBSTRING(SUBSTRING(REPLACE(REPLACE(UPPER(CAST("action_diagnosis" AS TEXT)), '.', ''), ' ', ''), 1, 2) FROM 2) <= 'Z')) THEN SUBSTRING(REPLACE(REPLACE(UPPER(CAST("action_diagnosis" AS TEXT)), '.', ''), ' ', '') FROM 2) ELSE REPLACE(REPLACE(UPPER(CAST("action_diagnosis" AS TEXT)), '.', ''), ' ', '') END AS TEXT) AS "diagnosis",
    CAST(COALESCE(CAST("secondary_diagnoses" AS TEXT), '') AS TEXT) AS "secondary_diagnoses",
    CAST(CASE WHEN (TRIM(CAST("sector" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sector" AS TEXT)) WHEN '' THEN 0 WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 1 WHEN 'psykiatri' THEN 1 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sector" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 1 WHEN 'psykiatri' THEN 1 ELSE 0 END END END AS INTEGER) AS "psychiatric",
    CAST(CASE WHEN (TRIM(CAST("unit_type" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("unit_type" AS TEXT)) WHEN '' THEN 0 WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'hospice' THEN 1 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("unit_type" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'hospice' THEN 1 ELSE 0 END END END AS INTEGER) AS "hospice",
    CAST(CASE WHEN ("municipality_code" IS NULL) THEN NULL ELSE RIGHT(CONCAT('000', CAST("municipality_code" AS TEXT)), 3) END AS TEXT) AS "municipality",
    CAST("age" AS INTEGER) AS "age",
    CAST(CASE WHEN (TRIM(CAST("sex" AS TEXT)) IS NULL) THEN CAST(NULL AS TEXT) ELSE CASE TRIM(CAST("sex" AS TEXT)) WHEN '' THEN CAST(NULL AS TEXT) WHEN 'F' THEN 'F' WHEN 'K' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'M' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 'F' WHEN 'k' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'm' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CAST(NULL AS TEXT) END END END AS TEXT) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS TEXT)) IS NULL) THEN CAST(NULL AS TEXT) ELSE CASE TRIM(CAST("education" AS TEXT)) WHEN '' THEN CAST(NULL AS TEXT) WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CAST(NULL AS TEXT) END END END AS TEXT) AS "education",
    CAST("cost_dkk" AS NUMERIC(20,6)) AS "cost_dkk",
    CAST("cofinancing_dkk" AS NUMERIC(20,6)) AS "cofinancing_dkk",
    CAST("ready_for_discharge_at" AS TIMESTAMP) AS "ready_at",
    CAST(CASE WHEN (TRIM(CAST("end_status" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("end_status" AS TEXT)) WHEN '' THEN 0 WHEN 'alive' THEN 0 WHEN 'died' THEN 1 WHEN 'død' THEN 1 WHEN 'doed' THEN 1 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("end_status" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'alive' THEN 0 WHEN 'died' THEN 1 WHEN 'doed' THEN 1 ELSE 0 END END END AS INTEGER) AS "died"
  FROM dw.lpr3_contacts
  WHERE ((CASE WHEN (TRIM(CAST("contact_type" AS TEXT)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("contact_type" AS TEXT)) WHEN '' THEN 1 WHEN 'physical' THEN 0 WHEN 'ALCA00' THEN 0 WHEN 'fysisk' THEN 0 WHEN 'home' THEN 0 WHEN 'ALCA10' THEN 0 WHEN 'ude' THEN 0 WHEN 'udekontakt' THEN 0 WHEN 'hjemme' THEN 0 WHEN 'virtual' THEN 0 WHEN 'ALCA20' THEN 0 WHEN 'virtuel' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("contact_type" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'physical' THEN 0 WHEN 'alca00' THEN 0 WHEN 'fysisk' THEN 0 WHEN 'home' THEN 0 WHEN 'alca10' THEN 0 WHEN 'ude' THEN 0 WHEN 'udekontakt' THEN 0 WHEN 'hjemme' THEN 0 WHEN 'virtual' THEN 0 WHEN 'alca20' THEN 0 WHEN 'virtuel' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("priority" AS TEXT)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("priority" AS TEXT)) WHEN '' THEN 1 WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN 'ATA1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN 'ATA3' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("priority" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN 'ata1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN 'ata3' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("sector" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sector" AS TEXT)) WHEN '' THEN 0 WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sector" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("unit_type" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("unit_type" AS TEXT)) WHEN '' THEN 0 WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'hospice' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("unit_type" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'hospice' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("sex" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS TEXT)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("education" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS TEXT)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("end_status" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("end_status" AS TEXT)) WHEN '' THEN 0 WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'død' THEN 0 WHEN 'doed' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("end_status" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'doed' THEN 0 ELSE 1 END END END <> 1))
),
-- Each distinct action diagnosis of a physical contact once.
"action_codes" AS (
  SELECT DISTINCT
    "diagnosis" AS "diagnosis"
  FROM "contacts_read" AS "r"
  WHERE ("physical" = 1)
),
-- SPEC §3.3, §14.3: which code lists each distinct action diagnosis is on (prefix match).
"action_flags" AS (
  SELECT
    "d"."diagnosis" AS "diagnosis",
    MAX(CASE WHEN ("l"."list" = 'l0') THEN 1 ELSE 0 END) AS "l0",
    MAX(CASE WHEN ("l"."list" = 'l1') THEN 1 ELSE 0 END) AS "l1",
    MAX(CASE WHEN ("l"."list" = 'l2') THEN 1 ELSE 0 END) AS "l2",
    MAX(CASE WHEN ("l"."list" = 'l3') THEN 1 ELSE 0 END) AS "l3",
    MAX(CASE WHEN ("l"."list" = 'l4') THEN 1 ELSE 0 END) AS "l4"
  FROM "action_codes" AS "d"
  LEFT JOIN "readmission_lists" AS "l" ON (SUBSTRING("d"."diagnosis", 1, "l"."prefix_length") = "l"."prefix")
  GROUP BY "d"."diagnosis"
),
-- Each distinct secondary-diagnosis list of a physical contact once, as a delimited text of normalised codes.
"secondary_lists" AS (
  SELECT DISTINCT
    "secondary_diagnoses" AS "secondary_diagnoses",
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(CONCAT('|', REPLACE(REPLACE(UPPER(COALESCE(CAST("secondary_diagnoses" AS TEXT), '')), '.', ''), ' ', '|'), '|'), '|DA', '|A'), '|DB', '|B'), '|DC', '|C'), '|DD', '|D'), '|DE', '|E'), '|DF', '|F'), '|DG', '|G'), '|DH', '|H'), '|DI', '|I'), '|DJ', '|J'), '|DK', '|K'), '|DL', '|L'), '|DM', '|M'), '|DN', '|N'), '|DO', '|O'), '|DP', '|P'), '|DQ', '|Q'), '|DR', '|R'), '|DS', '|S'), '|DT', '|T'), '|DU', '|U'), '|DV', '|V'), '|DW', '|W'), '|DX', '|X'), '|DY', '|Y'), '|DZ', '|Z') AS "codes"
  FROM "contacts_read" AS "r"
  WHERE ("physical" = 1)
),
-- SPEC §14.1–§14.3: which code lists any code of each distinct secondary-diagnosis list is on (a prefix after a delimiter).
"secondary_flags" AS (
  SELECT
    "d"."secondary_diagnoses" AS "secondary_diagnoses",
    MAX(CASE WHEN ("l"."list" = 'l0') THEN 1 ELSE 0 END) AS "l0",
    MAX(CASE WHEN ("l"."list" = 'l1') THEN 1 ELSE 0 END) AS "l1",
    MAX(CASE WHEN ("l"."list" = 'l2') THEN 1 ELSE 0 END) AS "l2"
  FROM "secondary_lists" AS "d"
  LEFT JOIN "readmission_lists" AS "l" ON (("l"."list" IN ('l0', 'l1', 'l2')) AND ("d"."codes" LIKE CONCAT('%|', "l"."prefix", '%')))
  GROUP BY "d"."secondary_diagnoses"
),
-- SPEC §14.1: only physical contacts form stays; each with its code-list flags.
"physical_contacts" AS (
  SELECT
    "r"."contact_id" AS "contact_id",
    "r"."patient_id" AS "patient_id",
    "r"."start_at" AS "start_at",
    "r"."end_at" AS "end_at",
    "r"."acute" AS "acute",
    "r"."diagnosis" AS "diagnosis",
    "r"."psychiatric" AS "psychiatric",
    "r"."hospice" AS "hospice",
    "r"."municipality" AS "municipality",
    "r"."age" AS "age",
    "r"."sex" AS "sex",
    "r"."education" AS "education",
    "r"."cost_dkk" AS "cost_dkk",
    "r"."cofinancing_dkk" AS "cofinancing_dkk",
    "r"."ready_at" AS "ready_at",
    "r"."died" AS "died",
    "a"."l0" AS "l0",
    "a"."l1" AS "l1",
    "a"."l2" AS "l2",
    "a"."l3" AS "l3",
    "a"."l4" AS "l4",
    CASE WHEN (("a"."l0" = 1) OR ("s"."l0" = 1)) THEN 1 ELSE 0 END AS "l0_any",
    CASE WHEN (("a"."l1" = 1) OR ("s"."l1" = 1)) THEN 1 ELSE 0 END AS "l1_any",
    CASE WHEN (("a"."l2" = 1) OR ("s"."l2" = 1)) THEN 1 ELSE 0 END AS "l2_any"
  FROM "contacts_read" AS "r"
  JOIN "action_flags" AS "a" ON ("r"."diagnosis" = "a"."diagnosis")
  JOIN "secondary_flags" AS "s" ON ("r"."secondary_diagnoses" = "s"."secondary_diagnoses")
  WHERE ("r"."physical" = 1)
),
-- The latest end of the rows before each row of its partition, in (start, id) order; whether one of them is open.
"stays_gaps" AS (
  SELECT
    "patient_id" AS "patient_id",
    "psychiatric" AS "psychiatric",
    "contact_id" AS "contact_id",
    "start_at" AS "start_at",
    "end_at" AS "end_at",
    "acute" AS "acute",
    "diagnosis" AS "diagnosis",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "l0" AS "l0",
    "l1" AS "l1",
    "l2" AS "l2",
    "l3" AS "l3",
    "l4" AS "l4",
    "died" AS "died",
    "hospice" AS "hospice",
    "l0_any" AS "l0_any",
    "l1_any" AS "l1_any",
    "l2_any" AS "l2_any",
    "cost_dkk" AS "cost_dkk",
    "cofinancing_dkk" AS "cofinancing_dkk",
    "ready_at" AS "ready_at",
    ROW_NUMBER() OVER (PARTITION BY "patient_id", "psychiatric" ORDER BY "start_at", "contact_id") AS "seq",
    MAX("end_at") OVER (PARTITION BY "patient_id", "psychiatric" ORDER BY "start_at", "contact_id" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "end_before",
    MAX(CASE WHEN ("end_at" IS NULL) THEN 1 ELSE 0 END) OVER (PARTITION BY "patient_id", "psychiatric" ORDER BY "start_at", "contact_id" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "open_before"
  FROM "physical_contacts" AS "r"
),
-- A row starts a new unit when it is its partition’s first, or starts more than 4 hours after the latest end so far and no earlier row is open (timestamp arithmetic: 4 h 00 joins).
"stays_starts" AS (
  SELECT
    "patient_id" AS "patient_id",
    "psychiatric" AS "psychiatric",
    "contact_id" AS "contact_id",
    "start_at" AS "start_at",
    "end_at" AS "end_at",
    "acute" AS "acute",
    "diagnosis" AS "diagnosis",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "l0" AS "l0",
    "l1" AS "l1",
    "l2" AS "l2",
    "l3" AS "l3",
    "l4" AS "l4",
    "died" AS "died",
    "hospice" AS "hospice",
    "l0_any" AS "l0_any",
    "l1_any" AS "l1_any",
    "l2_any" AS "l2_any",
    "cost_dkk" AS "cost_dkk",
    "cofinancing_dkk" AS "cofinancing_dkk",
    "ready_at" AS "ready_at",
    CASE WHEN ("seq" = 1) THEN 1 WHEN ("open_before" = 1) THEN 0 WHEN ("start_at" > ("end_before" + INTERVAL '4 hours')) THEN 1 ELSE 0 END AS "starts"
  FROM "stays_gaps" AS "g"
),
-- The unit number: the running count of starts in (start, id) order.
"stays_chained" AS (
  SELECT
    "patient_id" AS "patient_id",
    "psychiatric" AS "psychiatric",
    "contact_id" AS "contact_id",
    "start_at" AS "start_at",
    "end_at" AS "end_at",
    "acute" AS "acute",
    "diagnosis" AS "diagnosis",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "l0" AS "l0",
    "l1" AS "l1",
    "l2" AS "l2",
    "l3" AS "l3",
    "l4" AS "l4",
    "died" AS "died",
    "hospice" AS "hospice",
    "l0_any" AS "l0_any",
    "l1_any" AS "l1_any",
    "l2_any" AS "l2_any",
    "cost_dkk" AS "cost_dkk",
    "cofinancing_dkk" AS "cofinancing_dkk",
    "ready_at" AS "ready_at",
    SUM("starts") OVER (PARTITION BY "patient_id", "psychiatric" ORDER BY "start_at", "contact_id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_no"
  FROM "stays_starts" AS "s"
),
-- Each unit’s first row, its last-ending row (an open one latest; ties the later in (start, id)), and its aggregates.
"stays_ranked" AS MATERIALIZED (
  SELECT
    "patient_id" AS "patient_id",
    "psychiatric" AS "psychiatric",
    "contact_id" AS "contact_id",
    "start_at" AS "start_at",
    "end_at" AS "end_at",
    "acute" AS "acute",
    "diagnosis" AS "diagnosis",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "l0" AS "l0",
    "l1" AS "l1",
    "l2" AS "l2",
    "l3" AS "l3",
    "l4" AS "l4",
    "died" AS "died",
    "hospice" AS "hospice",
    "l0_any" AS "l0_any",
    "l1_any" AS "l1_any",
    "l2_any" AS "l2_any",
    "cost_dkk" AS "cost_dkk",
    "cofinancing_dkk" AS "cofinancing_dkk",
    "ready_at" AS "ready_at",
    "chain_no" AS "chain_no",
    ROW_NUMBER() OVER (PARTITION BY "patient_id", "psychiatric", "chain_no" ORDER BY "start_at", "contact_id") AS "first_rank",
    ROW_NUMBER() OVER (PARTITION BY "patient_id", "psychiatric", "chain_no" ORDER BY CASE WHEN ("end_at" IS NULL) THEN 1 ELSE 0 END DESC, "end_at" DESC, "start_at" DESC, "contact_id" DESC) AS "last_rank",
    MAX(CASE WHEN ("end_at" IS NULL) THEN 1 ELSE 0 END) OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "unit_open",
    MAX("end_at") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "unit_end",
    MAX("hospice") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "any_hospice",
    MAX("l0_any") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "any_l0_any",
    MAX("l1_any") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "any_l1_any",
    MAX("l2_any") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "any_l2_any",
    SUM("cost_dkk") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "sum_cost_dkk",
    SUM("cofinancing_dkk") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "sum_cofinancing_dkk",
    MAX("ready_at") OVER (PARTITION BY "patient_id", "psychiatric", "chain_no") AS "latest_ready_at"
  FROM "stays_chained" AS "h"
),
-- SPEC §14.2: a stay per chain of a patient’s physical contacts of one sector: id, start, priority and person of its first contact; end status and last diagnosis of its last-ending one; hospice when any contact is; costs summed; the latest ready time.
"stays" AS MATERIALIZED (
  SELECT
    "f"."patient_id" AS "patient_id",
    "f"."psychiatric" AS "psychiatric",
    "f"."contact_id" AS "unit_id",
    "f"."start_at" AS "admitted_at",
    CASE WHEN ("f"."unit_open" = 1) THEN NULL ELSE "f"."unit_end" END AS "discharged_at",
    "f"."unit_open" AS "open",
    "f"."acute" AS "acute",
    "f"."diagnosis" AS "diagnosis",
    "f"."municipality" AS "municipality",
    "f"."age" AS "age",
    "f"."sex" AS "sex",
    "f"."education" AS "education",
    "f"."l0" AS "l0",
    "f"."l1" AS "l1",
    "f"."l2" AS "l2",
    "f"."l3" AS "l3",
    "f"."l4" AS "l4",
    "l"."died" AS "last_died",
    "l"."diagnosis" AS "last_diagnosis",
    "l"."l0" AS "last_l0",
    "l"."l1" AS "last_l1",
    "l"."l2" AS "last_l2",
    "l"."l3" AS "last_l3",
    "l"."l4" AS "last_l4",
    "f"."any_hospice" AS "any_hospice",
    "f"."any_l0_any" AS "any_l0_any",
    "f"."any_l1_any" AS "any_l1_any",
    "f"."any_l2_any" AS "any_l2_any",
    "f"."sum_cost_dkk" AS "cost_dkk",
    "f"."sum_cofinancing_dkk" AS "cofinancing_dkk",
    "f"."latest_ready_at" AS "ready_at"
  FROM "stays_ranked" AS "f"
  JOIN "stays_ranked" AS "l" ON (("f"."patient_id" = "l"."patient_id") AND ("f"."psychiatric" = "l"."psychiatric") AND ("f"."chain_no" = "l"."chain_no") AND ("l"."last_rank" = 1))
  WHERE ("f"."first_rank" = 1)
),
-- SPEC §14.2: from contacts.csv the admissions (stays of at least 12 hours, or ongoing) are the rows of admissions.csv: admitted_at = start, discharged_at = end, admission_type = priority, primary_diagnosis = first diagnosis; an ongoing stay has no end status.
"admissions_read" AS MATERIALIZED (
  SELECT
    "s"."unit_id" AS "admission_id",
    "s"."patient_id" AS "patient_id",
    "s"."admitted_at" AS "admitted_at",
    "s"."discharged_at" AS "discharged_at",
    "s"."acute" AS "acute",
    "s"."diagnosis" AS "diagnosis",
    "s"."psychiatric" AS "psychiatric",
    "s"."municipality" AS "municipality",
    "s"."age" AS "age",
    "s"."sex" AS "sex",
    "s"."education" AS "education",
    "s"."cost_dkk" AS "cost_dkk",
    "s"."cofinancing_dkk" AS "cofinancing_dkk",
    "s"."ready_at" AS "ready_at",
    CASE WHEN ("s"."open" = 1) THEN 0 ELSE "s"."last_died" END AS "died"
  FROM "stays" AS "s"
  WHERE (("open" = 1) OR ("discharged_at" >= ("admitted_at" + INTERVAL '12 hours')))
),
-- SPEC §3.3: whether a stay’s first diagnosis is on the list of preventable admissions (code_lists).
"stay_preventable" AS (
  SELECT
    "s"."diagnosis" AS "diagnosis",
    MAX(1) AS "preventable"
  FROM "stays" AS "s"
  JOIN "code_lists" AS "l" ON (("l"."list" = 'preventable') AND (SUBSTRING("s"."diagnosis", 1, "l"."prefix_length") = "l"."prefix"))
  GROUP BY "s"."diagnosis"
),
-- SPEC §14.2: preventable-admissions-65 and acute-short-admissions read every somatic stay, of any length.
"every_stay" AS MATERIALIZED (
  SELECT
    "s"."unit_id" AS "admission_id",
    "s"."patient_id" AS "patient_id",
    "s"."admitted_at" AS "admitted_at",
    "s"."discharged_at" AS "discharged_at",
    "s"."acute" AS "acute",
    "s"."diagnosis" AS "diagnosis",
    "s"."psychiatric" AS "psychiatric",
    "s"."municipality" AS "municipality",
    "s"."age" AS "age",
    "s"."sex" AS "sex",
    "s"."education" AS "education",
    "s"."cost_dkk" AS "cost_dkk",
    "s"."cofinancing_dkk" AS "cofinancing_dkk",
    "s"."ready_at" AS "ready_at",
    CASE WHEN ("s"."open" = 1) THEN 0 ELSE "s"."last_died" END AS "died",
    COALESCE("p"."preventable", 0) AS "preventable"
  FROM "stays" AS "s"
  LEFT JOIN "stay_preventable" AS "p" ON ("s"."diagnosis" = "p"."diagnosis")
  WHERE ("s"."psychiatric" = 0)
),
-- SPEC §3.1: Danish working days of the requested periods (src/calc/working-days.ts).
"calendar" AS (
  SELECT CAST("v"."day" AS DATE) AS "day", CAST("v"."working_day" AS INTEGER) AS "working_day", CAST("v"."contact_deadline" AS DATE) AS "contact_deadline"
  FROM (VALUES (DATE '2022-01-01', 0, DATE '2022-01-05'), (DATE '2022-01-02', 0, DATE '2022-01-05'), (DATE '2022-01-03', 1, DATE '2022-01-06'), (DATE '2022-01-04', 1, DATE '2022-01-07'), (DATE '2022-01-05', 1, DATE '2022-01-10'), (DATE '2022-01-06', 1, DATE '2022-01-11'), (DATE '2022-01-07', 1, DATE '2022-01-12'), (DATE '2022-01-08', 0, DATE '2022-01-12'), (DATE '2022-01-09', 0, DATE '2022-01-12'), (DATE '2022-01-10', 1, DATE '2022-01-13'), (DATE '2022-01-11', 1, DATE '2022-01-14'), (DATE '2022-01-12', 1, DATE '2022-01-17'), (DATE '2022-01-13', 1, DATE '2022-01-18'), (DATE '2022-01-14', 1, DATE '2022-01-19'), (DATE '2022-01-15', 0, DATE '2022-01-19'), (DATE '2022-01-16', 0, DATE '2022-01-19'), (DATE '2022-01-17', 1, DATE '2022-01-20'), (DATE '2022-01-18', 1, DATE '2022-01-21'), (DATE '2022-01-19', 1, DATE '2022-01-24'), (DATE '2022-01-20', 1, DATE '2022-01-25'), (DATE '2022-01-21', 1, DATE '2022-01-26'), (DATE '2022-01-22', 0, DATE '2022-01-26'), (DATE '2022-01-23', 0, DATE '2022-01-26'), (DATE '2022-01-24', 1, DATE '2022-01-27'), (DATE '2022-01-25', 1, DATE '2022-01-28'), (DATE '2022-01-26', 1, DATE '2022-01-31'), (DATE '2022-01-27', 1, DATE '2022-02-01'), (DATE '2022-01-28', 1, DATE '2022-02-02'), (DATE '2022-01-29', 0, DATE '2022-02-02'), (DATE '2022-01-30', 0, DATE '2022-02-02'), (DATE '2022-01-31', 1, DATE '2022-02-03'), (DATE '2022-02-01', 1, DATE '2022-02-04'), (DATE '2022-02-02', 1, DATE '2022-02-07'), (DATE '2022-02-03', 1, DATE '2022-02-08'), (DATE '2022-02-04', 1, DATE '2022-02-09'), (DATE '2022-02-05', 0, DATE '2022-02-09'), (DATE '2022-02-06', 0, DATE '2022-02-09'), (DATE '2022-02-07', 1, DATE '2022-02-10'), (DATE '2022-02-08', 1, DATE '2022-02-11'), (DATE '2022-02-09', 1, DATE '2022-02-14'), (DATE '2022-02-10', 1, DATE '2022-02-15'), (DATE '2022-02-11', 1, DATE '2022-02-16'), (DATE '2022-02-12', 0, DATE '2022-02-16'), (DATE '2022-02-13', 0, DATE '2022-02-16'), (DATE '2022-02-14', 1, DATE '2022-02-17'), (DATE '2022-02-15', 1, DATE '2022-02-18'), (DATE '2022-02-16', 1, DATE '2022-02-21'), (DATE '2022-02-17', 1, DATE '2022-02-22'), (DATE '2022-02-18', 1, DATE '2022-02-23'), (DATE '2022-02-19', 0, DATE '2022-02-23'), (DATE '2022-02-20', 0, DATE '2022-02-23'), (DATE '2022-02-21', 1, DATE '2022-02-24'), (DATE '2022-02-22', 1, DATE '2022-02-25'), (DATE '2022-02-23', 1, DATE '2022-02-28'), (DATE '2022-02-24', 1, DATE '2022-03-01'), (DATE '2022-02-25', 1, DATE '2022-03-02'), (DATE '2022-02-26', 0, DATE '2022-03-02'), (DATE '2022-02-27', 0, DATE '2022-03-02'), (DATE '2022-02-28', 1, DATE '2022-03-03'), (DATE '2022-03-01', 1, DATE '2022-03-04'), (DATE '2022-03-02', 1, DATE '2022-03-07'), (DATE '2022-03-03', 1, DATE '2022-03-08'), (DATE '2022-03-04', 1, DATE '2022-03-09'), (DATE '2022-03-05', 0, DATE '2022-03-09'), (DATE '2022-03-06', 0, DATE '2022-03-09'), (DATE '2022-03-07', 1, DATE '2022-03-10'), (DATE '2022-03-08', 1, DATE '2022-03-11'), (DATE '2022-03-09', 1, DATE '2022-03-14'), (DATE '2022-03-10', 1, DATE '2022-03-15'), (DATE '2022-03-11', 1, DATE '2022-03-16'), (DATE '2022-03-12', 0, DATE '2022-03-16'), (DATE '2022-03-13', 0, DATE '2022-03-16'), (DATE '2022-03-14', 1, DATE '2022-03-17'), (DATE '2022-03-15', 1, DATE '2022-03-18'), (DATE '2022-03-16', 1, DATE '2022-03-21'), (DATE '2022-03-17', 1, DATE '2022-03-22'), (DATE '2022-03-18', 1, DATE '2022-03-23'), (DATE '2022-03-19', 0, DATE '2022-03-23'), (DATE '2022-03-20', 0, DATE '2022-03-23'), (DATE '2022-03-21', 1, DATE '2022-03-24'), (DATE '2022-03-22', 1, DATE '2022-03-25'), (DATE '2022-03-23', 1, DATE '2022-03-28'), (DATE '2022-03-24', 1, DATE '2022-03-29'), (DATE '2022-03-25', 1, DATE '2022-03-30'), (DATE '2022-03-26', 0, DATE '2022-03-30'), (DATE '2022-03-27', 0, DATE '2022-03-30'), (DATE '2022-03-28', 1, DATE '2022-03-31'), (DATE '2022-03-29', 1, DATE '2022-04-01'), (DATE '2022-03-30', 1, DATE '2022-04-04'), (DATE '2022-03-31', 1, DATE '2022-04-05'), (DATE '2022-04-01', 1, DATE '2022-04-06'), (DATE '2022-04-02', 0, DATE '2022-04-06'), (DATE '2022-04-03', 0, DATE '2022-04-06'), (DATE '2022-04-04', 1, DATE '2022-04-07'), (DATE '2022-04-05', 1, DATE '2022-04-08'), (DATE '2022-04-06', 1, DATE '2022-04-11'), (DATE '2022-04-07', 1, DATE '2022-04-12'), (DATE '2022-04-08', 1, DATE '2022-04-13'), (DATE '2022-04-09', 0, DATE '2022-04-13'), (DATE '2022-04-10', 0, DATE '2022-04-13'), (DATE '2022-04-11', 1, DATE '2022-04-19'), (DATE '2022-04-12', 1, DATE '2022-04-20'), (DATE '2022-04-13', 1, DATE '2022-04-21'), (DATE '2022-04-14', 0, DATE '2022-04-21'), (DATE '2022-04-15', 0, DATE '2022-04-21'), (DATE '2022-04-16', 0, DATE '2022-04-21'), (DATE '2022-04-17', 0, DATE '2022-04-21'), (DATE '2022-04-18', 0, DATE '2022-04-21'), (DATE '2022-04-19', 1, DATE '2022-04-22'), (DATE '2022-04-20', 1, DATE '2022-04-25'), (DATE '2022-04-21', 1, DATE '2022-04-26'), (DATE '2022-04-22', 1, DATE '2022-04-27'), (DATE '2022-04-23', 0, DATE '2022-04-27'), (DATE '2022-04-24', 0, DATE '2022-04-27'), (DATE '2022-04-25', 1, DATE '2022-04-28'), (DATE '2022-04-26', 1, DATE '2022-04-29'), (DATE '2022-04-27', 1, DATE '2022-05-02'), (DATE '2022-04-28', 1, DATE '2022-05-03'), (DATE '2022-04-29', 1, DATE '2022-05-04'), (DATE '2022-04-30', 0, DATE '2022-05-04'), (DATE '2022-05-01', 0, DATE '2022-05-04'), (DATE '2022-05-02', 1, DATE '2022-05-05'), (DATE '2022-05-03', 1, DATE '2022-05-06'), (DATE '2022-05-04', 1, DATE '2022-05-09'), (DATE '2022-05-05', 1, DATE '2022-05-10'), (DATE '2022-05-06', 1, DATE '2022-05-11'), (DATE '2022-05-07', 0, DATE '2022-05-11'), (DATE '2022-05-08', 0, DATE '2022-05-11'), (DATE '2022-05-09', 1, DATE '2022-05-12'), (DATE '2022-05-10', 1, DATE '2022-05-16'), (DATE '2022-05-11', 1, DATE '2022-05-17'), (DATE '2022-05-12', 1, DATE '2022-05-18'), (DATE '2022-05-13', 0, DATE '2022-05-18'), (DATE '2022-05-14', 0, DATE '2022-05-18'), (DATE '2022-05-15', 0, DATE '2022-05-18'), (DATE '2022-05-16', 1, DATE '2022-05-19'), (DATE '2022-05-17', 1, DATE '2022-05-20'), (DATE '2022-05-18', 1, DATE '2022-05-23'), (DATE '2022-05-19', 1, DATE '2022-05-24'), (DATE '2022-05-20', 1, DATE '2022-05-25'), (DATE '2022-05-21', 0, DATE '2022-05-25'), (DATE '2022-05-22', 0, DATE '2022-05-25'), (DATE '2022-05-23', 1, DATE '2022-05-27'), (DATE '2022-05-24', 1, DATE '2022-05-30'), (DATE '2022-05-25', 1, DATE '2022-05-31'), (DATE '2022-05-26', 0, DATE '2022-05-31'), (DATE '2022-05-27', 1, DATE '2022-06-01'), (DATE '2022-05-28', 0, DATE '2022-06-01'), (DATE '2022-05-29', 0, DATE '2022-06-01'), (DATE '2022-05-30', 1, DATE '2022-06-02'), (DATE '2022-05-31', 1, DATE '2022-06-03'), (DATE '2022-06-01', 1, DATE '2022-06-07'), (DATE '2022-06-02', 1, DATE '2022-06-08'), (DATE '2022-06-03', 1, DATE '2022-06-09'), (DATE '2022-06-04', 0, DATE '2022-06-09'), (DATE '2022-06-05', 0, DATE '2022-06-09'), (DATE '2022-06-06', 0, DATE '2022-06-09'), (DATE '2022-06-07', 1, DATE '2022-06-10'), (DATE '2022-06-08', 1, DATE '2022-06-13'), (DATE '2022-06-09', 1, DATE '2022-06-14'), (DATE '2022-06-10', 1, DATE '2022-06-15'), (DATE '2022-06-11', 0, DATE '2022-06-15'), (DATE '2022-06-12', 0, DATE '2022-06-15'), (DATE '2022-06-13', 1, DATE '2022-06-16'), (DATE '2022-06-14', 1, DATE '2022-06-17'), (DATE '2022-06-15', 1, DATE '2022-06-20'), (DATE '2022-06-16', 1, DATE '2022-06-21'), (DATE '2022-06-17', 1, DATE '2022-06-22'), (DATE '2022-06-18', 0, DATE '2022-06-22'), (DATE '2022-06-19', 0, DATE '2022-06-22'), (DATE '2022-06-20', 1, DATE '2022-06-23'), (DATE '2022-06-21', 1, DATE '2022-06-24'), (DATE '2022-06-22', 1, DATE '2022-06-27'), (DATE '2022-06-23', 1, DATE '2022-06-28'), (DATE '2022-06-24', 1, DATE '2022-06-29'), (DATE '2022-06-25', 0, DATE '2022-06-29'), (DATE '2022-06-26', 0, DATE '2022-06-29'), (DATE '2022-06-27', 1, DATE '2022-06-30'), (DATE '2022-06-28', 1, DATE '2022-07-01'), (DATE '2022-06-29', 1, DATE '2022-07-04'), (DATE '2022-06-30', 1, DATE '2022-07-05'), (DATE '2022-07-01', 1, DATE '2022-07-06'), (DATE '2022-07-02', 0, DATE '2022-07-06'), (DATE '2022-07-03', 0, DATE '2022-07-06'), (DATE '2022-07-04', 1, DATE '2022-07-07'), (DATE '2022-07-05', 1, DATE '2022-07-08'), (DATE '2022-07-06', 1, DATE '2022-07-11'), (DATE '2022-07-07', 1, DATE '2022-07-12'), (DATE '2022-07-08', 1, DATE '2022-07-13'), (DATE '2022-07-09', 0, DATE '2022-07-13'), (DATE '2022-07-10', 0, DATE '2022-07-13'), (DATE '2022-07-11', 1, DATE '2022-07-14'), (DATE '2022-07-12', 1, DATE '2022-07-15'), (DATE '2022-07-13', 1, DATE '2022-07-18'), (DATE '2022-07-14', 1, DATE '2022-07-19'), (DATE '2022-07-15', 1, DATE '2022-07-20'), (DATE '2022-07-16', 0, DATE '2022-07-20'), (DATE '2022-07-17', 0, DATE '2022-07-20'), (DATE '2022-07-18', 1, DATE '2022-07-21'), (DATE '2022-07-19', 1, DATE '2022-07-22'), (DATE '2022-07-20', 1, DATE '2022-07-25'), (DATE '2022-07-21', 1, DATE '2022-07-26'), (DATE '2022-07-22', 1, DATE '2022-07-27'), (DATE '2022-07-23', 0, DATE '2022-07-27'), (DATE '2022-07-24', 0, DATE '2022-07-27'), (DATE '2022-07-25', 1, DATE '2022-07-28'), (DATE '2022-07-26', 1, DATE '2022-07-29'), (DATE '2022-07-27', 1, DATE '2022-08-01'), (DATE '2022-07-28', 1, DATE '2022-08-02'), (DATE '2022-07-29', 1, DATE '2022-08-03'), (DATE '2022-07-30', 0, DATE '2022-08-03'), (DATE '2022-07-31', 0, DATE '2022-08-03'), (DATE '2022-08-01', 1, DATE '2022-08-04'), (DATE '2022-08-02', 1, DATE '2022-08-05'), (DATE '2022-08-03', 1, DATE '2022-08-08'), (DATE '2022-08-04', 1, DATE '2022-08-09'), (DATE '2022-08-05', 1, DATE '2022-08-10'), (DATE '2022-08-06', 0, DATE '2022-08-10'), (DATE '2022-08-07', 0, DATE '2022-08-10'), (DATE '2022-08-08', 1, DATE '2022-08-11'), (DATE '2022-08-09', 1, DATE '2022-08-12'), (DATE '2022-08-10', 1, DATE '2022-08-15'), (DATE '2022-08-11', 1, DATE '2022-08-16'), (DATE '2022-08-12', 1, DATE '2022-08-17'), (DATE '2022-08-13', 0, DATE '2022-08-17'), (DATE '2022-08-14', 0, DATE '2022-08-17'), (DATE '2022-08-15', 1, DATE '2022-08-18'), (DATE '2022-08-16', 1, DATE '2022-08-19'), (DATE '2022-08-17', 1, DATE '2022-08-22'), (DATE '2022-08-18', 1, DATE '2022-08-23'), (DATE '2022-08-19', 1, DATE '2022-08-24'), (DATE '2022-08-20', 0, DATE '2022-08-24'), (DATE '2022-08-21', 0, DATE '2022-08-24'), (DATE '2022-08-22', 1, DATE '2022-08-25'), (DATE '2022-08-23', 1, DATE '2022-08-26'), (DATE '2022-08-24', 1, DATE '2022-08-29'), (DATE '2022-08-25', 1, DATE '2022-08-30'), (DATE '2022-08-26', 1, DATE '2022-08-31'), (DATE '2022-08-27', 0, DATE '2022-08-31'), (DATE '2022-08-28', 0, DATE '2022-08-31'), (DATE '2022-08-29', 1, DATE '2022-09-01'), (DATE '2022-08-30', 1, DATE '2022-09-02'), (DATE '2022-08-31', 1, DATE '2022-09-05'), (DATE '2022-09-01', 1, DATE '2022-09-06'), (DATE '2022-09-02', 1, DATE '2022-09-07'), (DATE '2022-09-03', 0, DATE '2022-09-07'), (DATE '2022-09-04', 0, DATE '2022-09-07'), (DATE '2022-09-05', 1, DATE '2022-09-08'), (DATE '2022-09-06', 1, DATE '2022-09-09'), (DATE '2022-09-07', 1, DATE '2022-09-12'), (DATE '2022-09-08', 1, DATE '2022-09-13'), (DATE '2022-09-09', 1, DATE '2022-09-14'), (DATE '2022-09-10', 0, DATE '2022-09-14'), (DATE '2022-09-11', 0, DATE '2022-09-14'), (DATE '2022-09-12', 1, DATE '2022-09-15'), (DATE '2022-09-13', 1, DATE '2022-09-16'), (DATE '2022-09-14', 1, DATE '2022-09-19'), (DATE '2022-09-15', 1, DATE '2022-09-20'), (DATE '2022-09-16', 1, DATE '2022-09-21'), (DATE '2022-09-17', 0, DATE '2022-09-21'), (DATE '2022-09-18', 0, DATE '2022-09-21'), (DATE '2022-09-19', 1, DATE '2022-09-22'), (DATE '2022-09-20', 1, DATE '2022-09-23'), (DATE '2022-09-21', 1, DATE '2022-09-26'), (DATE '2022-09-22', 1, DATE '2022-09-27'), (DATE '2022-09-23', 1, DATE '2022-09-28'), (DATE '2022-09-24', 0, DATE '2022-09-28'), (DATE '2022-09-25', 0, DATE '2022-09-28'), (DATE '2022-09-26', 1, DATE '2022-09-29'), (DATE '2022-09-27', 1, DATE '2022-09-30'), (DATE '2022-09-28', 1, DATE '2022-10-03'), (DATE '2022-09-29', 1, DATE '2022-10-04'), (DATE '2022-09-30', 1, DATE '2022-10-05'), (DATE '2022-10-01', 0, DATE '2022-10-05'), (DATE '2022-10-02', 0, DATE '2022-10-05'), (DATE '2022-10-03', 1, DATE '2022-10-06'), (DATE '2022-10-04', 1, DATE '2022-10-07'), (DATE '2022-10-05', 1, DATE '2022-10-10'), (DATE '2022-10-06', 1, DATE '2022-10-11'), (DATE '2022-10-07', 1, DATE '2022-10-12'), (DATE '2022-10-08', 0, DATE '2022-10-12'), (DATE '2022-10-09', 0, DATE '2022-10-12'), (DATE '2022-10-10', 1, DATE '2022-10-13'), (DATE '2022-10-11', 1, DATE '2022-10-14'), (DATE '2022-10-12', 1, DATE '2022-10-17'), (DATE '2022-10-13', 1, DATE '2022-10-18'), (DATE '2022-10-14', 1, DATE '2022-10-19'), (DATE '2022-10-15', 0, DATE '2022-10-19'), (DATE '2022-10-16', 0, DATE '2022-10-19'), (DATE '2022-10-17', 1, DATE '2022-10-20'), (DATE '2022-10-18', 1, DATE '2022-10-21'), (DATE '2022-10-19', 1, DATE '2022-10-24'), (DATE '2022-10-20', 1, DATE '2022-10-25'), (DATE '2022-10-21', 1, DATE '2022-10-26'), (DATE '2022-10-22', 0, DATE '2022-10-26'), (DATE '2022-10-23', 0, DATE '2022-10-26'), (DATE '2022-10-24', 1, DATE '2022-10-27'), (DATE '2022-10-25', 1, DATE '2022-10-28'), (DATE '2022-10-26', 1, DATE '2022-10-31'), (DATE '2022-10-27', 1, DATE '2022-11-01'), (DATE '2022-10-28', 1, DATE '2022-11-02'), (DATE '2022-10-29', 0, DATE '2022-11-02'), (DATE '2022-10-30', 0, DATE '2022-11-02'), (DATE '2022-10-31', 1, DATE '2022-11-03'), (DATE '2022-11-01', 1, DATE '2022-11-04'), (DATE '2022-11-02', 1, DATE '2022-11-07'), (DATE '2022-11-03', 1, DATE '2022-11-08'), (DATE '2022-11-04', 1, DATE '2022-11-09'), (DATE '2022-11-05', 0, DATE '2022-11-09'), (DATE '2022-11-06', 0, DATE '2022-11-09'), (DATE '2022-11-07', 1, DATE '2022-11-10'), (DATE '2022-11-08', 1, DATE '2022-11-11'), (DATE '2022-11-09', 1, DATE '2022-11-14'), (DATE '2022-11-10', 1, DATE '2022-11-15'), (DATE '2022-11-11', 1, DATE '2022-11-16'), (DATE '2022-11-12', 0, DATE '2022-11-16'), (DATE '2022-11-13', 0, DATE '2022-11-16'), (DATE '2022-11-14', 1, DATE '2022-11-17'), (DATE '2022-11-15', 1, DATE '2022-11-18'), (DATE '2022-11-16', 1, DATE '2022-11-21'), (DATE '2022-11-17', 1, DATE '2022-11-22'), (DATE '2022-11-18', 1, DATE '2022-11-23'), (DATE '2022-11-19', 0, DATE '2022-11-23'), (DATE '2022-11-20', 0, DATE '2022-11-23'), (DATE '2022-11-21', 1, DATE '2022-11-24'), (DATE '2022-11-22', 1, DATE '2022-11-25'), (DATE '2022-11-23', 1, DATE '2022-11-28'), (DATE '2022-11-24', 1, DATE '2022-11-29'), (DATE '2022-11-25', 1, DATE '2022-11-30'), (DATE '2022-11-26', 0, DATE '2022-11-30'), (DATE '2022-11-27', 0, DATE '2022-11-30'), (DATE '2022-11-28', 1, DATE '2022-12-01'), (DATE '2022-11-29', 1, DATE '2022-12-02'), (DATE '2022-11-30', 1, DATE '2022-12-05'), (DATE '2022-12-01', 1, DATE '2022-12-06'), (DATE '2022-12-02', 1, DATE '2022-12-07'), (DATE '2022-12-03', 0, DATE '2022-12-07'), (DATE '2022-12-04', 0, DATE '2022-12-07'), (DATE '2022-12-05', 1, DATE '2022-12-08'), (DATE '2022-12-06', 1, DATE '2022-12-09'), (DATE '2022-12-07', 1, DATE '2022-12-12'), (DATE '2022-12-08', 1, DATE '2022-12-13'), (DATE '2022-12-09', 1, DATE '2022-12-14'), (DATE '2022-12-10', 0, DATE '2022-12-14'), (DATE '2022-12-11', 0, DATE '2022-12-14'), (DATE '2022-12-12', 1, DATE '2022-12-15'), (DATE '2022-12-13', 1, DATE '2022-12-16'), (DATE '2022-12-14', 1, DATE '2022-12-19'), (DATE '2022-12-15', 1, DATE '2022-12-20'), (DATE '2022-12-16', 1, DATE '2022-12-21'), (DATE '2022-12-17', 0, DATE '2022-12-21'), (DATE '2022-12-18', 0, DATE '2022-12-21'), (DATE '2022-12-19', 1, DATE '2022-12-22'), (DATE '2022-12-20', 1, DATE '2022-12-23'), (DATE '2022-12-21', 1, DATE '2022-12-27'), (DATE '2022-12-22', 1, DATE '2022-12-28'), (DATE '2022-12-23', 1, DATE '2022-12-29'), (DATE '2022-12-24', 0, DATE '2022-12-29'), (DATE '2022-12-25', 0, DATE '2022-12-29'), (DATE '2022-12-26', 0, DATE '2022-12-29'), (DATE '2022-12-27', 1, DATE '2022-12-30'), (DATE '2022-12-28', 1, DATE '2023-01-02'), (DATE '2022-12-29', 1, DATE '2023-01-03'), (DATE '2022-12-30', 1, DATE '2023-01-04'), (DATE '2022-12-31', 0, DATE '2023-01-04')) AS "v"("day", "working_day", "contact_deadline")
),
-- SPEC §1.3: the requested periods, first and last day inclusive.
"periods" AS (
  SELECT CAST("v"."period" AS TEXT) AS "period", CAST("v"."from_day" AS DATE) AS "from_day", CAST("v"."to_day" AS DATE) AS "to_day"
  FROM (VALUES ('2022', DATE '2022-01-01', DATE '2022-12-31')) AS "v"("period", "from_day", "to_day")
),
-- SPEC §2.8: the region’s municipalities in their clusters.
"clusters" AS (
  SELECT CAST("v"."municipality" AS TEXT) AS "municipality", CAST("v"."cluster" AS TEXT) AS "cluster"
  FROM (VALUES ('741', 'Aarhus'), ('751', 'Aarhus'), ('657', 'Vest'), ('661', 'Vest'), ('665', 'Vest'), ('671', 'Vest'), ('756', 'Vest'), ('760', 'Vest'), ('740', 'Midt'), ('779', 'Midt'), ('791', 'Midt'), ('706', 'Randers'), ('707', 'Randers'), ('710', 'Randers'), ('730', 'Randers'), ('615', 'Horsens'), ('727', 'Horsens'), ('746', 'Horsens'), ('766', 'Horsens')) AS "v"("municipality", "cluster")
),
-- SPEC §14.2, §3.1: the somatic admissions of contacts.csv, each its own episode (its discharge, status and person).
"episode_returns" AS MATERIALIZED (
  SELECT
    "patient_id" AS "patient_id",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "acute" AS "acute",
    "died" AS "died",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education"
  FROM "admissions_read" AS "a"
  WHERE ("psychiatric" = 0)
),
-- SPEC §14.3: the units are every somatic stay.
"readmission_units" AS (
  SELECT
    "u"."patient_id" AS "patient_id",
    "u"."unit_id" AS "unit_id",
    "u"."admitted_at" AS "admitted_at",
    "u"."discharged_at" AS "discharged_at",
    "u"."open" AS "open",
    "u"."acute" AS "acute",
    CASE WHEN ("u"."open" = 1) THEN 0 ELSE "u"."last_died" END AS "died",
    "u"."any_hospice" AS "hospice",
    "u"."any_l0_any" AS "l0_all",
    "u"."any_l1_any" AS "l1_all",
    CASE WHEN ("u"."open" = 1) THEN 0 ELSE "u"."last_l2" END AS "l2_last",
    "u"."any_l2_any" AS "l2_all",
    "u"."l3" AS "l3_first",
    "u"."l4" AS "l4_first",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education"
  FROM "stays" AS "u"
  WHERE ("u"."psychiatric" = 0)
),
-- SPEC §3.2 no. 1, §14.3, §14.4: the first index rule that excludes each unit and the first readmission rule that rejects it, in the declared order (−1: none).
"readmission_rules" AS (
  SELECT
    "patient_id" AS "patient_id",
    "unit_id" AS "unit_id",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    CASE WHEN (("open" = 0) AND (NOT (("open" = 1) OR ("discharged_at" >= ("admitted_at" + INTERVAL '12 hours'))))) THEN 0 WHEN ("died" = 1) THEN 1 WHEN ("hospice" = 1) THEN 2 WHEN ("l0_all" = 1) THEN 3 WHEN ("l1_all" = 1) THEN 4 WHEN ("l2_last" = 1) THEN 5 ELSE -1 END AS "index_rule",
    CASE WHEN ("acute" = 0) THEN 0 WHEN (("open" = 0) AND (NOT (("open" = 1) OR ("discharged_at" >= ("admitted_at" + INTERVAL '12 hours'))))) THEN 1 WHEN ("hospice" = 1) THEN 2 WHEN ("l0_all" = 1) THEN 3 WHEN ("l1_all" = 1) THEN 4 WHEN ("l2_all" = 1) THEN 5 WHEN ("l3_first" = 1) THEN 6 WHEN ("l4_first" = 1) THEN 7 ELSE -1 END AS "return_rule"
  FROM "readmission_units" AS "u"
),
-- SPEC §3.2 no. 1: the first later unit of the patient that no readmission rule rejects, and the next later unit (for the note on a return that is not one).
"readmission_next" AS MATERIALIZED (
  SELECT
    "patient_id" AS "patient_id",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "index_rule" AS "index_rule",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    MIN(CASE WHEN ("return_rule" = -1) THEN "admitted_at" ELSE NULL END) OVER (PARTITION BY "patient_id" ORDER BY "admitted_at", "unit_id" ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS "next_readmission_at",
    LEAD("admitted_at") OVER (PARTITION BY "patient_id" ORDER BY "admitted_at", "unit_id") AS "next_admitted_at",
    LEAD("return_rule") OVER (PARTITION BY "patient_id" ORDER BY "admitted_at", "unit_id") AS "next_return_rule"
  FROM "readmission_rules" AS "r"
),
-- One row per unit (Tally.add) or note (Tally.note) of each indicator, with its day range and person.
"units" AS (
  SELECT
    'readmission-30d' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    CASE WHEN (("next_readmission_at" IS NOT NULL) AND ("next_readmission_at" > "discharged_at") AND ("next_readmission_at" <= ("discharged_at" + INTERVAL '720 hours'))) THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "readmission_next" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("index_rule" = -1))
  UNION ALL
  SELECT
    'readmission-30d' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    CASE WHEN ("index_rule" = 0) THEN 'indexExcludedUnder12Hours' WHEN ("index_rule" = 1) THEN 'indexExcludedDiedStay' WHEN ("index_rule" = 2) THEN 'indexExcludedHospice' WHEN ("index_rule" = 3) THEN 'indexExcludedCancerAny' WHEN ("index_rule" = 4) THEN 'indexExcludedZ763Any' WHEN ("index_rule" = 5) THEN 'indexExcludedPsychiatricLast' ELSE CAST(NULL AS TEXT) END AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "readmission_next" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND (NOT ("index_rule" = -1)))
  UNION ALL
  SELECT
    'readmission-30d' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    CASE WHEN ("next_return_rule" = 0) THEN 'returnNotCountedPlannedStay' WHEN ("next_return_rule" = 1) THEN 'returnNotCountedUnder12Hours' WHEN ("next_return_rule" = 2) THEN 'returnNotCountedHospice' WHEN ("next_return_rule" = 3) THEN 'returnNotCountedCancer' WHEN ("next_return_rule" = 4) THEN 'returnNotCountedZ763' WHEN ("next_return_rule" = 5) THEN 'returnNotCountedPsychiatric' WHEN ("next_return_rule" = 6) THEN 'returnNotCountedBirthStay' WHEN ("next_return_rule" = 7) THEN 'returnNotCountedInjuryNational' ELSE CAST(NULL AS TEXT) END AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "readmission_next" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("index_rule" = -1) AND (NOT (("next_readmission_at" IS NOT NULL) AND ("next_readmission_at" > "discharged_at") AND ("next_readmission_at" <= ("discharged_at" + INTERVAL '720 hours')))) AND ("next_admitted_at" IS NOT NULL) AND ("next_admitted_at" <= ("discharged_at" + INTERVAL '720 hours')) AND ("next_return_rule" >= 0))
  UNION ALL
  SELECT
    'readmission-30d' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'preventable-admissions-65' AS "indicator",
    CAST("admitted_at" AS DATE) AS "first_day",
    CAST("admitted_at" AS DATE) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "every_stay" AS "u"
  WHERE (("acute" = 1) AND ("preventable" = 1) AND ("age" >= 65))
  UNION ALL
  SELECT
    'preventable-admissions-65' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'acute-short-admissions' AS "indicator",
    CAST("admitted_at" AS DATE) AS "first_day",
    CAST("admitted_at" AS DATE) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "every_stay" AS "u"
  WHERE (("acute" = 1) AND ("discharged_at" IS NOT NULL) AND ("discharged_at" < ("admitted_at" + INTERVAL '24 hours')))
  UNION ALL
  SELECT
    'acute-short-admissions' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'ready-for-discharge-days' AS "indicator",
    CAST("ready_at" AS DATE) AS "first_day",
    (CAST("discharged_at" AS DATE) + -1) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE ((1 = 1) AND ("ready_at" IS NOT NULL) AND ("discharged_at" IS NOT NULL) AND (CAST("ready_at" AS DATE) < CAST("discharged_at" AS DATE)))
  UNION ALL
  SELECT
    'ready-for-discharge-days' AS "indicator",
    CAST("ready_at" AS DATE) AS "first_day",
    CAST("ready_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'stillAdmittedWhenReady' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE ((1 = 1) AND ("ready_at" IS NOT NULL) AND ("discharged_at" IS NULL))
  UNION ALL
  SELECT
    'ready-for-discharge-days' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'ready-for-discharge-days-somatic' AS "indicator",
    CAST("ready_at" AS DATE) AS "first_day",
    (CAST("discharged_at" AS DATE) + -1) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("psychiatric" = 0) AND ("ready_at" IS NOT NULL) AND ("discharged_at" IS NOT NULL) AND (CAST("ready_at" AS DATE) < CAST("discharged_at" AS DATE)))
  UNION ALL
  SELECT
    'ready-for-discharge-days-somatic' AS "indicator",
    CAST("ready_at" AS DATE) AS "first_day",
    CAST("ready_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'stillAdmittedWhenReady' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("psychiatric" = 0) AND ("ready_at" IS NOT NULL) AND ("discharged_at" IS NULL))
  UNION ALL
  SELECT
    'ready-for-discharge-days-somatic' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'ready-for-discharge-days-psychiatric' AS "indicator",
    CAST("ready_at" AS DATE) AS "first_day",
    (CAST("discharged_at" AS DATE) + -1) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("psychiatric" = 1) AND ("ready_at" IS NOT NULL) AND ("discharged_at" IS NOT NULL) AND (CAST("ready_at" AS DATE) < CAST("discharged_at" AS DATE)))
  UNION ALL
  SELECT
    'ready-for-discharge-days-psychiatric' AS "indicator",
    CAST("ready_at" AS DATE) AS "first_day",
    CAST("ready_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'stillAdmittedWhenReady' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("psychiatric" = 1) AND ("ready_at" IS NOT NULL) AND ("discharged_at" IS NULL))
  UNION ALL
  SELECT
    'ready-for-discharge-days-psychiatric' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'discharges-outside-daytime' AS "indicator",
    CAST("u"."discharged_at" AS DATE) AS "first_day",
    CAST("u"."discharged_at" AS DATE) AS "last_day",
    CASE WHEN (("w"."working_day" IS NULL) OR (("discharged_at" < (CAST(CAST("discharged_at" AS DATE) AS TIMESTAMP) + INTERVAL '8 hours')) OR ("discharged_at" >= (CAST(CAST("discharged_at" AS DATE) AS TIMESTAMP) + INTERVAL '16 hours')) OR (NOT ("w"."working_day" = 1)))) THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "episode_returns" AS "u"
  LEFT JOIN "calendar" AS "w" ON ("w"."day" = CAST("u"."discharged_at" AS DATE))
  WHERE (("u"."discharged_at" IS NOT NULL) AND ("u"."died" = 0))
  UNION ALL
  SELECT
    'discharges-outside-daytime' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'dischargeExcludedDied' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "episode_returns" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("died" = 1))
  UNION ALL
  SELECT
    'discharges-outside-daytime' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'cost-per-capita' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    COALESCE("cost_dkk", CAST(0 AS NUMERIC(20,6))) AS "numerator",
    0 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE ("discharged_at" IS NOT NULL)
  UNION ALL
  SELECT
    'cost-per-capita' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'missingCost' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("cost_dkk" IS NULL))
  UNION ALL
  SELECT
    'cost-per-capita' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
  UNION ALL
  SELECT
    'cofinancing-per-capita' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    COALESCE("cofinancing_dkk", CAST(0 AS NUMERIC(20,6))) AS "numerator",
    0 AS "denominator",
    CAST(NULL AS TEXT) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE ("discharged_at" IS NOT NULL)
  UNION ALL
  SELECT
    'cofinancing-per-capita' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'missingCofinancing' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("cofinancing_dkk" IS NULL))
  UNION ALL
  SELECT
    'cofinancing-per-capita' AS "indicator",
    CAST("start_at" AS DATE) AS "first_day",
    CAST("start_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'contactsNotPhysical' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS TEXT) AS "patient_id",
    CAST(NULL AS TEXT) AS "sender",
    CAST(NULL AS TEXT) AS "offer",
    CAST(NULL AS TEXT) AS "patient_type"
  FROM "contacts_read" AS "u"
  WHERE ("physical" = 0)
),
-- SPEC §3.1: a unit belongs to every requested period containing its date (a bed day to the period of that day).
"counted" AS (
  SELECT
    "u"."indicator" AS "indicator",
    "p"."period" AS "period",
    ((CASE WHEN ("u"."last_day" < "p"."to_day") THEN "u"."last_day" ELSE "p"."to_day" END - CASE WHEN ("u"."first_day" > "p"."from_day") THEN "u"."first_day" ELSE "p"."from_day" END) + 1) AS "days",
    "u"."numerator" AS "numerator",
    "u"."denominator" AS "denominator",
    "u"."note" AS "note",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    "u"."follow_up_end" AS "follow_up_end",
    CASE WHEN ("u"."age" IS NULL) THEN CAST(NULL AS INTEGER) WHEN ("u"."age" <= 4) THEN 0 WHEN ("u"."age" <= 9) THEN 1 WHEN ("u"."age" <= 14) THEN 2 WHEN ("u"."age" <= 19) THEN 3 WHEN ("u"."age" <= 24) THEN 4 WHEN ("u"."age" <= 29) THEN 5 WHEN ("u"."age" <= 34) THEN 6 WHEN ("u"."age" <= 39) THEN 7 WHEN ("u"."age" <= 44) THEN 8 WHEN ("u"."age" <= 49) THEN 9 WHEN ("u"."age" <= 54) THEN 10 WHEN ("u"."age" <= 59) THEN 11 WHEN ("u"."age" <= 64) THEN 12 WHEN ("u"."age" <= 69) THEN 13 WHEN ("u"."age" <= 74) THEN 14 WHEN ("u"."age" <= 79) THEN 15 WHEN ("u"."age" <= 84) THEN 16 WHEN ("u"."age" <= 89) THEN 17 ELSE 18 END AS "esp2013",
    COALESCE("u"."municipality", 'unknown') AS "by_municipality"
  FROM "units" AS "u"
  JOIN "periods" AS "p" ON (("u"."first_day" <= "p"."to_day") AND ("u"."last_day" >= "p"."from_day"))
  LEFT JOIN "clusters" AS "k" ON ("k"."municipality" = "u"."municipality")
),
-- SPEC §15: the units summed per period, group, note, education level, ESP2013 band (and person, for the per-1000 indicators).
"cells" AS MATERIALIZED (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_municipality" AS "by_municipality",
    "note" AS "note",
    "education" AS "education",
    "esp2013" AS "esp2013",
    "patient_id" AS "person",
    SUM(("numerator" * "days")) AS "numerator",
    SUM(("denominator" * "days")) AS "denominator",
    SUM("days") AS "units",
    MAX("follow_up_end") AS "follow_up_end"
  FROM "counted" AS "x"
  GROUP BY "indicator", "period", "by_municipality", "note", "education", "esp2013", "patient_id"
),
-- SPEC §8.1: events per person within a band, for the variance of repeat events.
"persons_total_4" AS (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "esp2013" AS "esp2013",
    CAST(SUM("numerator") AS INTEGER) AS "events"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric')) AND ("note" IS NULL) AND ("person" IS NOT NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "esp2013", "person"
),
-- SPEC §8.1: events per person within a band, for the variance of repeat events.
"persons_group_9" AS (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_municipality" AS "by_municipality",
    "esp2013" AS "esp2013",
    CAST(SUM("numerator") AS INTEGER) AS "events"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric')) AND ("note" IS NULL) AND ("person" IS NOT NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "by_municipality", "esp2013", "person"
),
-- SPEC §13.2: the dates that make the data end of contacts.csv.
"data_end_contacts" AS MATERIALIZED (
  SELECT
    CAST("start_at" AS DATE) AS "day"
  FROM "contacts_read" AS "a"
  UNION ALL
  SELECT
    CAST("end_at" AS DATE) AS "day"
  FROM "contacts_read" AS "a"
  WHERE ("end_at" IS NOT NULL)
),
-- SPEC §14.3: the definition profile of these counts.
"profile" AS (
  SELECT CAST("v"."profile" AS TEXT) AS "profile"
  FROM (VALUES ('national')) AS "v"("profile")
),
-- SPEC §2.1: 1 where contacts.csv's reader would reject the value.
"contacts_rejected" AS (
  SELECT
    CAST(CASE WHEN (TRIM(CAST("contact_type" AS TEXT)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("contact_type" AS TEXT)) WHEN '' THEN 1 WHEN 'physical' THEN 0 WHEN 'ALCA00' THEN 0 WHEN 'fysisk' THEN 0 WHEN 'home' THEN 0 WHEN 'ALCA10' THEN 0 WHEN 'ude' THEN 0 WHEN 'udekontakt' THEN 0 WHEN 'hjemme' THEN 0 WHEN 'virtual' THEN 0 WHEN 'ALCA20' THEN 0 WHEN 'virtuel' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("contact_type" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'physical' THEN 0 WHEN 'alca00' THEN 0 WHEN 'fysisk' THEN 0 WHEN 'home' THEN 0 WHEN 'alca10' THEN 0 WHEN 'ude' THEN 0 WHEN 'udekontakt' THEN 0 WHEN 'hjemme' THEN 0 WHEN 'virtual' THEN 0 WHEN 'alca20' THEN 0 WHEN 'virtuel' THEN 0 ELSE 1 END END END AS INTEGER) AS "contact_type",
    CAST(CASE WHEN (TRIM(CAST("priority" AS TEXT)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("priority" AS TEXT)) WHEN '' THEN 1 WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN 'ATA1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN 'ATA3' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("priority" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN 'ata1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN 'ata3' THEN 0 ELSE 1 END END END AS INTEGER) AS "priority",
    CAST(CASE WHEN (TRIM(CAST("sector" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sector" AS TEXT)) WHEN '' THEN 0 WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sector" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE 1 END END END AS INTEGER) AS "sector",
    CAST(CASE WHEN (TRIM(CAST("unit_type" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("unit_type" AS TEXT)) WHEN '' THEN 0 WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'hospice' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("unit_type" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'hospice' THEN 0 ELSE 1 END END END AS INTEGER) AS "unit_type",
    CAST(CASE WHEN (TRIM(CAST("sex" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS TEXT)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END AS INTEGER) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS TEXT)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END AS INTEGER) AS "education",
    CAST(CASE WHEN (TRIM(CAST("end_status" AS TEXT)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("end_status" AS TEXT)) WHEN '' THEN 0 WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'død' THEN 0 WHEN 'doed' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("end_status" AS TEXT))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'doed' THEN 0 ELSE 1 END END END AS INTEGER) AS "end_status"
  FROM dw.lpr3_contacts
),
-- SPEC §1.6: the rows of contacts.csv left out, per column.
"contacts_invalid" AS MATERIALIZED (
  SELECT
    COALESCE(SUM("contact_type"), 0) AS "contact_type",
    COALESCE(SUM("priority"), 0) AS "priority",
    COALESCE(SUM("sector"), 0) AS "sector",
    COALESCE(SUM("unit_type"), 0) AS "unit_type",
    COALESCE(SUM("sex"), 0) AS "sex",
    COALESCE(SUM("education"), 0) AS "education",
    COALESCE(SUM("end_status"), 0) AS "end_status"
  FROM "contacts_rejected" AS "r"
),
-- SPEC §15: one result set of counts.
"counts" AS (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    CAST(NULL AS TEXT) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita')) AND ("note" IS NULL))
  GROUP BY "indicator", "period"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    CONCAT('note=', "note") AS "cell",
    SUM("units") AS "numerator",
    0 AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita')) AND ("note" IS NOT NULL))
  GROUP BY "indicator", "period", "note"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    CONCAT('education=', "education") AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric', 'discharges-outside-daytime')) AND ("note" IS NULL) AND ("education" IS NOT NULL))
  GROUP BY "indicator", "period", "education"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    CONCAT('esp2013=', CAST("esp2013" AS TEXT)) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric')) AND ("note" IS NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "esp2013"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    CONCAT('esp2013=', CAST("esp2013" AS TEXT), ';events=', CAST("events" AS TEXT)) AS "cell",
    COUNT(*) AS "numerator",
    0 AS "denominator",
    COUNT(*) AS "units"
  FROM "persons_total_4" AS "x"
  WHERE ("events" > 0)
  GROUP BY "indicator", "period", "esp2013", "events"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_municipality" AS "municipality",
    CAST(NULL AS TEXT) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita')) AND ("note" IS NULL))
  GROUP BY "indicator", "period", "by_municipality"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_municipality" AS "municipality",
    CONCAT('note=', "note") AS "cell",
    SUM("units") AS "numerator",
    0 AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita')) AND ("note" IS NOT NULL))
  GROUP BY "indicator", "period", "by_municipality", "note"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_municipality" AS "municipality",
    CONCAT('education=', "education") AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric', 'discharges-outside-daytime')) AND ("note" IS NULL) AND ("education" IS NOT NULL))
  GROUP BY "indicator", "period", "by_municipality", "education"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_municipality" AS "municipality",
    CONCAT('esp2013=', CAST("esp2013" AS TEXT)) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric')) AND ("note" IS NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "by_municipality", "esp2013"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_municipality" AS "municipality",
    CONCAT('esp2013=', CAST("esp2013" AS TEXT), ';events=', CAST("events" AS TEXT)) AS "cell",
    COUNT(*) AS "numerator",
    0 AS "denominator",
    COUNT(*) AS "units"
  FROM "persons_group_9" AS "x"
  WHERE ("events" > 0)
  GROUP BY "indicator", "period", "by_municipality", "esp2013", "events"
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(MAX("day") AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'data_end=contacts' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_contacts" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(MIN("day") AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'first_event=contacts' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_contacts" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(MAX("day") AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'last_event=contacts' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_contacts" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    CONCAT('profile=', "profile") AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "profile" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'invalid=contacts.contact_type' AS "cell",
    "contact_type" AS "numerator",
    0 AS "denominator",
    "contact_type" AS "units"
  FROM "contacts_invalid" AS "x"
  WHERE ("contact_type" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'invalid=contacts.priority' AS "cell",
    "priority" AS "numerator",
    0 AS "denominator",
    "priority" AS "units"
  FROM "contacts_invalid" AS "x"
  WHERE ("priority" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'invalid=contacts.sector' AS "cell",
    "sector" AS "numerator",
    0 AS "denominator",
    "sector" AS "units"
  FROM "contacts_invalid" AS "x"
  WHERE ("sector" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'invalid=contacts.unit_type' AS "cell",
    "unit_type" AS "numerator",
    0 AS "denominator",
    "unit_type" AS "units"
  FROM "contacts_invalid" AS "x"
  WHERE ("unit_type" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'invalid=contacts.sex' AS "cell",
    "sex" AS "numerator",
    0 AS "denominator",
    "sex" AS "units"
  FROM "contacts_invalid" AS "x"
  WHERE ("sex" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'invalid=contacts.education' AS "cell",
    "education" AS "numerator",
    0 AS "denominator",
    "education" AS "units"
  FROM "contacts_invalid" AS "x"
  WHERE ("education" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS TEXT) AS "indicator",
    CAST(NULL AS TEXT) AS "period",
    CAST(NULL AS TEXT) AS "municipality",
    'invalid=contacts.end_status' AS "cell",
    "end_status" AS "numerator",
    0 AS "denominator",
    "end_status" AS "units"
  FROM "contacts_invalid" AS "x"
  WHERE ("end_status" > 0)
)
SELECT "indicator", "period", "municipality", "cell", "numerator", "denominator", "units"
FROM "counts"
ORDER BY "indicator", "period", "cell", "municipality";
