-- triple-aim: counts of SPEC §3 (profile rm-2015-2018) compiled to SQL (SPEC §15).
-- Indicators: readmission-30d, preventable-admissions-65, acute-short-admissions, ready-for-discharge-days, discharges-outside-daytime, cost-per-capita, cofinancing-per-capita, prevention-referrals, rehab-contact-3-workdays, rehab-timely-start, vulnerable-pregnancy-team-before-week-24, smoke-free-6m, smoke-free-6m-itt, smoking-reach-short-education, lup-cooperation-school, lup-cooperation-social, lup-cooperation-gp, lup-maternity-transition
-- Periods: 2016-12
-- Breakdown: cluster, sex, patient_type
-- Result: indicator, period, cluster, sex, patient_type, cell, numerator, denominator, units — feed it back with `triple-aim compute --counts FILE.csv`.
-- Run: duckdb my.db < script.sql, or in the DuckDB CLI; export the result with COPY (…) TO 'counts.csv' (HEADER).
WITH
-- SPEC §3.2 no. 1, §3.3: the diagnosis code lists (src/domain/diagnoses.ts), one prefix per row.
"code_lists" AS (
  SELECT CAST("v"."list" AS VARCHAR) AS "list", CAST("v"."prefix" AS VARCHAR) AS "prefix", CAST("v"."prefix_length" AS INTEGER) AS "prefix_length"
  FROM (VALUES ('cancer', 'C00', 3), ('cancer', 'C01', 3), ('cancer', 'C02', 3), ('cancer', 'C03', 3), ('cancer', 'C04', 3), ('cancer', 'C05', 3), ('cancer', 'C06', 3), ('cancer', 'C07', 3), ('cancer', 'C08', 3), ('cancer', 'C09', 3), ('cancer', 'C10', 3), ('cancer', 'C11', 3), ('cancer', 'C12', 3), ('cancer', 'C13', 3), ('cancer', 'C14', 3), ('cancer', 'C15', 3), ('cancer', 'C16', 3), ('cancer', 'C17', 3), ('cancer', 'C18', 3), ('cancer', 'C19', 3), ('cancer', 'C20', 3), ('cancer', 'C21', 3), ('cancer', 'C22', 3), ('cancer', 'C23', 3), ('cancer', 'C24', 3), ('cancer', 'C25', 3), ('cancer', 'C26', 3), ('cancer', 'C27', 3), ('cancer', 'C28', 3), ('cancer', 'C29', 3), ('cancer', 'C30', 3), ('cancer', 'C31', 3), ('cancer', 'C32', 3), ('cancer', 'C33', 3), ('cancer', 'C34', 3), ('cancer', 'C35', 3), ('cancer', 'C36', 3), ('cancer', 'C37', 3), ('cancer', 'C38', 3), ('cancer', 'C39', 3), ('cancer', 'C40', 3), ('cancer', 'C41', 3), ('cancer', 'C42', 3), ('cancer', 'C43', 3), ('cancer', 'C44', 3), ('cancer', 'C45', 3), ('cancer', 'C46', 3), ('cancer', 'C47', 3), ('cancer', 'C48', 3), ('cancer', 'C49', 3), ('cancer', 'C50', 3), ('cancer', 'C51', 3), ('cancer', 'C52', 3), ('cancer', 'C53', 3), ('cancer', 'C54', 3), ('cancer', 'C55', 3), ('cancer', 'C56', 3), ('cancer', 'C57', 3), ('cancer', 'C58', 3), ('cancer', 'C59', 3), ('cancer', 'C60', 3), ('cancer', 'C61', 3), ('cancer', 'C62', 3), ('cancer', 'C63', 3), ('cancer', 'C64', 3), ('cancer', 'C65', 3), ('cancer', 'C66', 3), ('cancer', 'C67', 3), ('cancer', 'C68', 3), ('cancer', 'C69', 3), ('cancer', 'C70', 3), ('cancer', 'C71', 3), ('cancer', 'C72', 3), ('cancer', 'C73', 3), ('cancer', 'C74', 3), ('cancer', 'C75', 3), ('cancer', 'C76', 3), ('cancer', 'C77', 3), ('cancer', 'C78', 3), ('cancer', 'C79', 3), ('cancer', 'C80', 3), ('cancer', 'C81', 3), ('cancer', 'C82', 3), ('cancer', 'C83', 3), ('cancer', 'C84', 3), ('cancer', 'C85', 3), ('cancer', 'C86', 3), ('cancer', 'C87', 3), ('cancer', 'C88', 3), ('cancer', 'C89', 3), ('cancer', 'C90', 3), ('cancer', 'C91', 3), ('cancer', 'C92', 3), ('cancer', 'C93', 3), ('cancer', 'C94', 3), ('cancer', 'C95', 3), ('cancer', 'C96', 3), ('cancer', 'C97', 3), ('cancer', 'C98', 3), ('cancer', 'C99', 3), ('cancer', 'D00', 3), ('cancer', 'D01', 3), ('cancer', 'D02', 3), ('cancer', 'D03', 3), ('cancer', 'D04', 3), ('cancer', 'D05', 3), ('cancer', 'D06', 3), ('cancer', 'D07', 3), ('cancer', 'D08', 3), ('cancer', 'D09', 3), ('z76_3', 'Z763', 4), ('birth', 'O80', 3), ('birth', 'O81', 3), ('birth', 'O82', 3), ('birth', 'O83', 3), ('birth', 'O84', 3), ('injury', 'S', 1), ('injury', 'T', 1), ('injury', 'V', 1), ('injury', 'W', 1), ('injury', 'X', 1), ('injury', 'Y', 1), ('preventable', 'A00', 3), ('preventable', 'A01', 3), ('preventable', 'A02', 3), ('preventable', 'A03', 3), ('preventable', 'A04', 3), ('preventable', 'A05', 3), ('preventable', 'A06', 3), ('preventable', 'A07', 3), ('preventable', 'A08', 3), ('preventable', 'A09', 3), ('preventable', 'D50', 3), ('preventable', 'D51', 3), ('preventable', 'D52', 3), ('preventable', 'D53', 3), ('preventable', 'E86', 3), ('preventable', 'J12', 3), ('preventable', 'J13', 3), ('preventable', 'J14', 3), ('preventable', 'J15', 3), ('preventable', 'J16', 3), ('preventable', 'J17', 3), ('preventable', 'J18', 3), ('preventable', 'J20', 3), ('preventable', 'J21', 3), ('preventable', 'J22', 3), ('preventable', 'K590', 4), ('preventable', 'L89', 3), ('preventable', 'N30', 3), ('preventable', 'N390', 4), ('preventable', 'S32', 3), ('preventable', 'S42', 3), ('preventable', 'S52', 3), ('preventable', 'S72', 3), ('preventable', 'Z59', 3), ('preventable', 'Z74', 3), ('preventable', 'Z75', 3)) AS "v"("list", "prefix", "prefix_length")
),
-- SPEC §3.2 no. 1, §14.3: the code lists of the profile’s readmission rules (src/indicators/readmission-rules.ts).
"readmission_lists" AS (
  SELECT CAST("v"."list" AS VARCHAR) AS "list", CAST("v"."prefix" AS VARCHAR) AS "prefix", CAST("v"."prefix_length" AS INTEGER) AS "prefix_length"
  FROM (VALUES ('l0', 'C00', 3), ('l0', 'C01', 3), ('l0', 'C02', 3), ('l0', 'C03', 3), ('l0', 'C04', 3), ('l0', 'C05', 3), ('l0', 'C06', 3), ('l0', 'C07', 3), ('l0', 'C08', 3), ('l0', 'C09', 3), ('l0', 'C10', 3), ('l0', 'C11', 3), ('l0', 'C12', 3), ('l0', 'C13', 3), ('l0', 'C14', 3), ('l0', 'C15', 3), ('l0', 'C16', 3), ('l0', 'C17', 3), ('l0', 'C18', 3), ('l0', 'C19', 3), ('l0', 'C20', 3), ('l0', 'C21', 3), ('l0', 'C22', 3), ('l0', 'C23', 3), ('l0', 'C24', 3), ('l0', 'C25', 3), ('l0', 'C26', 3), ('l0', 'C27', 3), ('l0', 'C28', 3), ('l0', 'C29', 3), ('l0', 'C30', 3), ('l0', 'C31', 3), ('l0', 'C32', 3), ('l0', 'C33', 3), ('l0', 'C34', 3), ('l0', 'C35', 3), ('l0', 'C36', 3), ('l0', 'C37', 3), ('l0', 'C38', 3), ('l0', 'C39', 3), ('l0', 'C40', 3), ('l0', 'C41', 3), ('l0', 'C42', 3), ('l0', 'C43', 3), ('l0', 'C44', 3), ('l0', 'C45', 3), ('l0', 'C46', 3), ('l0', 'C47', 3), ('l0', 'C48', 3), ('l0', 'C49', 3), ('l0', 'C50', 3), ('l0', 'C51', 3), ('l0', 'C52', 3), ('l0', 'C53', 3), ('l0', 'C54', 3), ('l0', 'C55', 3), ('l0', 'C56', 3), ('l0', 'C57', 3), ('l0', 'C58', 3), ('l0', 'C59', 3), ('l0', 'C60', 3), ('l0', 'C61', 3), ('l0', 'C62', 3), ('l0', 'C63', 3), ('l0', 'C64', 3), ('l0', 'C65', 3), ('l0', 'C66', 3), ('l0', 'C67', 3), ('l0', 'C68', 3), ('l0', 'C69', 3), ('l0', 'C70', 3), ('l0', 'C71', 3), ('l0', 'C72', 3), ('l0', 'C73', 3), ('l0', 'C74', 3), ('l0', 'C75', 3), ('l0', 'C76', 3), ('l0', 'C77', 3), ('l0', 'C78', 3), ('l0', 'C79', 3), ('l0', 'C80', 3), ('l0', 'C81', 3), ('l0', 'C82', 3), ('l0', 'C83', 3), ('l0', 'C84', 3), ('l0', 'C85', 3), ('l0', 'C86', 3), ('l0', 'C87', 3), ('l0', 'C88', 3), ('l0', 'C89', 3), ('l0', 'C90', 3), ('l0', 'C91', 3), ('l0', 'C92', 3), ('l0', 'C93', 3), ('l0', 'C94', 3), ('l0', 'C95', 3), ('l0', 'C96', 3), ('l0', 'C97', 3), ('l0', 'C98', 3), ('l0', 'C99', 3), ('l0', 'D00', 3), ('l0', 'D01', 3), ('l0', 'D02', 3), ('l0', 'D03', 3), ('l0', 'D04', 3), ('l0', 'D05', 3), ('l0', 'D06', 3), ('l0', 'D07', 3), ('l0', 'D08', 3), ('l0', 'D09', 3), ('l1', 'Z763', 4), ('l2', 'O80', 3), ('l2', 'O81', 3), ('l2', 'O82', 3), ('l2', 'O83', 3), ('l2', 'O84', 3), ('l3', 'S', 1), ('l3', 'T', 1), ('l3', 'V', 1), ('l3', 'W', 1), ('l3', 'X', 1), ('l3', 'Y', 1)) AS "v"("list", "prefix", "prefix_length")
),
-- SPEC §2.2, §15: admissions.csv with its canonical columns and types.
"admissions_read" AS MATERIALIZED (
  SELECT
    CAST("admission_id" AS VARCHAR) AS "admission_id",
    CAST("patient_id" AS VARCHAR) AS "patient_id",
    CAST("admitted_at" AS TIMESTAMP) AS "admitted_at",
    CAST("discharged_at" AS TIMESTAMP) AS "discharged_at",
    CAST(CASE WHEN (TRIM(CAST("admission_type" AS VARCHAR)) IS NULL) THEN CAST(NULL AS INTEGER) ELSE CASE TRIM(CAST("admission_type" AS VARCHAR)) WHEN '' THEN CAST(NULL AS INTEGER) WHEN 'acute' THEN 1 WHEN 'akut' THEN 1 WHEN '1' THEN 1 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN '2' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("admission_type" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'acute' THEN 1 WHEN 'akut' THEN 1 WHEN '1' THEN 1 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN '2' THEN 0 ELSE CAST(NULL AS INTEGER) END END END AS INTEGER) AS "acute",
    CAST(CASE WHEN ((SUBSTRING(REPLACE(REPLACE(UPPER(CAST("primary_diagnosis" AS VARCHAR)), '.', ''), ' ', ''), 1, 1) = 'D') AND (SUBSTRING(SUBSTRING(REPLACE(REPLACE(UPPER(CAST("primary_diagnosis" AS VARCHAR)), '.', ''), ' ', ''), 1, 2), 2) >= 'A') AND (SUBSTRING(SUBSTRING(REPLACE(REPLACE(UPPER(CAST("primary_diagnosis" AS VARCHAR)), '.', ''), ' ', ''), 1, 2), 2) <= 'Z')) THEN SUBSTRING(REPLACE(REPLACE(UPPER(CAST("primary_diagnosis" AS VARCHAR)), '.', ''), ' ', ''), 2) ELSE REPLACE(REPLACE(UPPER(CAST("primary_diagnosis" AS VARCHAR)), '.', ''), ' ', '') END AS VARCHAR) AS "diagnosis",
    CAST(CASE WHEN (TRIM(CAST("sector" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sector" AS VARCHAR)) WHEN '' THEN 0 WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 1 WHEN 'psykiatri' THEN 1 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sector" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 1 WHEN 'psykiatri' THEN 1 ELSE 0 END END END AS INTEGER) AS "psychiatric",
    CAST(CASE WHEN ("municipality_code" IS NULL) THEN NULL ELSE RIGHT(CONCAT('000', CAST("municipality_code" AS VARCHAR)), 3) END AS VARCHAR) AS "municipality",
    CAST("age" AS INTEGER) AS "age",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'F' THEN 'F' WHEN 'K' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'M' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 'F' WHEN 'k' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'm' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "education",
    CAST("cost_dkk" AS DECIMAL(18,6)) AS "cost_dkk",
    CAST("cofinancing_dkk" AS DECIMAL(18,6)) AS "cofinancing_dkk",
    CAST("ready_for_discharge_at" AS TIMESTAMP) AS "ready_at",
    CAST(CASE WHEN (TRIM(CAST("discharge_status" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("discharge_status" AS VARCHAR)) WHEN '' THEN 0 WHEN 'alive' THEN 0 WHEN 'died' THEN 1 WHEN 'død' THEN 1 WHEN 'doed' THEN 1 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("discharge_status" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'alive' THEN 0 WHEN 'died' THEN 1 WHEN 'doed' THEN 1 ELSE 0 END END END AS INTEGER) AS "died"
  FROM dw.lpr_admissions
  WHERE ((CASE WHEN (TRIM(CAST("admission_type" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("admission_type" AS VARCHAR)) WHEN '' THEN 1 WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN '1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN '2' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("admission_type" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN '1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN '2' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("sector" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sector" AS VARCHAR)) WHEN '' THEN 0 WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sector" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("discharge_status" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("discharge_status" AS VARCHAR)) WHEN '' THEN 0 WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'død' THEN 0 WHEN 'doed' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("discharge_status" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'doed' THEN 0 ELSE 1 END END END <> 1))
),
-- SPEC §2.3, §15: referrals.csv with its canonical columns and types.
"referrals_read" AS MATERIALIZED (
  SELECT
    CAST("patient_id" AS VARCHAR) AS "patient_id",
    CAST("referred_at" AS DATE) AS "referred_at",
    CAST(CASE WHEN (TRIM(CAST("sender" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("sender" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'gp' THEN 'gp' WHEN 'almen_praksis' THEN 'gp' WHEN 'egen_læge' THEN 'gp' WHEN 'hospital' THEN 'hospital' WHEN 'sygehus' THEN 'hospital' WHEN 'psychiatry' THEN 'psychiatry' WHEN 'psykiatri' THEN 'psychiatry' WHEN 'self' THEN 'self' WHEN 'borger' THEN 'self' WHEN 'other' THEN 'other' WHEN 'andet' THEN 'other' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sender" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'gp' THEN 'gp' WHEN 'almen_praksis' THEN 'gp' WHEN 'egen_laege' THEN 'gp' WHEN 'hospital' THEN 'hospital' WHEN 'sygehus' THEN 'hospital' WHEN 'psychiatry' THEN 'psychiatry' WHEN 'psykiatri' THEN 'psychiatry' WHEN 'self' THEN 'self' WHEN 'borger' THEN 'self' WHEN 'other' THEN 'other' WHEN 'andet' THEN 'other' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "sender",
    CAST(CASE WHEN (TRIM(CAST("offer" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("offer" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'smoking_cessation' THEN 'smoking_cessation' WHEN 'rygestop' THEN 'smoking_cessation' WHEN 'alcohol' THEN 'alcohol' WHEN 'alkohol' THEN 'alcohol' WHEN 'weight' THEN 'weight' WHEN 'overvægt' THEN 'weight' WHEN 'physical_activity' THEN 'physical_activity' WHEN 'motion' THEN 'physical_activity' WHEN 'diet' THEN 'diet' WHEN 'kost' THEN 'diet' WHEN 'chronic_disease' THEN 'chronic_disease' WHEN 'kronisk_sygdom' THEN 'chronic_disease' WHEN 'mental_health' THEN 'mental_health' WHEN 'mental_sundhed' THEN 'mental_health' WHEN 'rehabilitation' THEN 'rehabilitation' WHEN 'genoptræning' THEN 'rehabilitation' WHEN 'vulnerable_pregnancy' THEN 'vulnerable_pregnancy' WHEN 'sårbar_gravid' THEN 'vulnerable_pregnancy' WHEN 'other' THEN 'other' WHEN 'andet' THEN 'other' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("offer" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'smoking_cessation' THEN 'smoking_cessation' WHEN 'rygestop' THEN 'smoking_cessation' WHEN 'alcohol' THEN 'alcohol' WHEN 'alkohol' THEN 'alcohol' WHEN 'weight' THEN 'weight' WHEN 'overvaegt' THEN 'weight' WHEN 'physical_activity' THEN 'physical_activity' WHEN 'motion' THEN 'physical_activity' WHEN 'diet' THEN 'diet' WHEN 'kost' THEN 'diet' WHEN 'chronic_disease' THEN 'chronic_disease' WHEN 'kronisk_sygdom' THEN 'chronic_disease' WHEN 'mental_health' THEN 'mental_health' WHEN 'mental_sundhed' THEN 'mental_health' WHEN 'rehabilitation' THEN 'rehabilitation' WHEN 'genoptraening' THEN 'rehabilitation' WHEN 'vulnerable_pregnancy' THEN 'vulnerable_pregnancy' WHEN 'saarbar_gravid' THEN 'vulnerable_pregnancy' WHEN 'other' THEN 'other' WHEN 'andet' THEN 'other' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "offer",
    CAST("received_at" AS DATE) AS "received_at",
    CAST("contacted_at" AS DATE) AS "contacted_at",
    CAST("started_at" AS DATE) AS "started_at",
    CAST("start_due_by" AS DATE) AS "start_due_by",
    CAST("expected_delivery_date" AS DATE) AS "expected_delivery_date",
    CAST("team_joined_at" AS DATE) AS "team_joined_at",
    CAST(CASE WHEN ("municipality_code" IS NULL) THEN NULL ELSE RIGHT(CONCAT('000', CAST("municipality_code" AS VARCHAR)), 3) END AS VARCHAR) AS "municipality",
    CAST("age" AS INTEGER) AS "age",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'F' THEN 'F' WHEN 'K' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'M' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 'F' WHEN 'k' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'm' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "education"
  FROM referrals
  WHERE ((CASE WHEN (TRIM(CAST("sender" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("sender" AS VARCHAR)) WHEN '' THEN 1 WHEN 'gp' THEN 0 WHEN 'almen_praksis' THEN 0 WHEN 'egen_læge' THEN 0 WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'psychiatry' THEN 0 WHEN 'psykiatri' THEN 0 WHEN 'self' THEN 0 WHEN 'borger' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sender" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'gp' THEN 0 WHEN 'almen_praksis' THEN 0 WHEN 'egen_laege' THEN 0 WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'psychiatry' THEN 0 WHEN 'psykiatri' THEN 0 WHEN 'self' THEN 0 WHEN 'borger' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("offer" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("offer" AS VARCHAR)) WHEN '' THEN 1 WHEN 'smoking_cessation' THEN 0 WHEN 'rygestop' THEN 0 WHEN 'alcohol' THEN 0 WHEN 'alkohol' THEN 0 WHEN 'weight' THEN 0 WHEN 'overvægt' THEN 0 WHEN 'physical_activity' THEN 0 WHEN 'motion' THEN 0 WHEN 'diet' THEN 0 WHEN 'kost' THEN 0 WHEN 'chronic_disease' THEN 0 WHEN 'kronisk_sygdom' THEN 0 WHEN 'mental_health' THEN 0 WHEN 'mental_sundhed' THEN 0 WHEN 'rehabilitation' THEN 0 WHEN 'genoptræning' THEN 0 WHEN 'vulnerable_pregnancy' THEN 0 WHEN 'sårbar_gravid' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("offer" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'smoking_cessation' THEN 0 WHEN 'rygestop' THEN 0 WHEN 'alcohol' THEN 0 WHEN 'alkohol' THEN 0 WHEN 'weight' THEN 0 WHEN 'overvaegt' THEN 0 WHEN 'physical_activity' THEN 0 WHEN 'motion' THEN 0 WHEN 'diet' THEN 0 WHEN 'kost' THEN 0 WHEN 'chronic_disease' THEN 0 WHEN 'kronisk_sygdom' THEN 0 WHEN 'mental_health' THEN 0 WHEN 'mental_sundhed' THEN 0 WHEN 'rehabilitation' THEN 0 WHEN 'genoptraening' THEN 0 WHEN 'vulnerable_pregnancy' THEN 0 WHEN 'saarbar_gravid' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END <> 1))
),
-- SPEC §2.4, §15: smoking.csv with its canonical columns and types.
"smoking_read" AS MATERIALIZED (
  SELECT
    CAST("course_started_at" AS DATE) AS "course_started_at",
    CAST(CASE WHEN (TRIM(CAST("completed" AS VARCHAR)) IS NULL) THEN CAST(NULL AS INTEGER) ELSE CASE TRIM(CAST("completed" AS VARCHAR)) WHEN '' THEN CAST(NULL AS INTEGER) WHEN '1' THEN 1 WHEN '0' THEN 0 WHEN 'true' THEN 1 WHEN 'false' THEN 0 WHEN 'yes' THEN 1 WHEN 'no' THEN 0 WHEN 'ja' THEN 1 WHEN 'nej' THEN 0 WHEN 'j' THEN 1 WHEN 'n' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("completed" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN '1' THEN 1 WHEN '0' THEN 0 WHEN 'true' THEN 1 WHEN 'false' THEN 0 WHEN 'yes' THEN 1 WHEN 'no' THEN 0 WHEN 'ja' THEN 1 WHEN 'nej' THEN 0 WHEN 'j' THEN 1 WHEN 'n' THEN 0 ELSE CAST(NULL AS INTEGER) END END END AS INTEGER) AS "completed",
    CAST(CASE WHEN (TRIM(CAST("followup_6m" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("followup_6m" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'smoke_free' THEN 'smoke_free' WHEN 'røgfri' THEN 'smoke_free' WHEN 'smoking' THEN 'smoking' WHEN 'ryger' THEN 'smoking' WHEN 'lost' THEN 'lost' WHEN 'ikke_opnået' THEN 'lost' WHEN 'not_reached' THEN 'lost' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("followup_6m" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'smoke_free' THEN 'smoke_free' WHEN 'roegfri' THEN 'smoke_free' WHEN 'smoking' THEN 'smoking' WHEN 'ryger' THEN 'smoking' WHEN 'lost' THEN 'lost' WHEN 'ikke_opnaaet' THEN 'lost' WHEN 'not_reached' THEN 'lost' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "followup",
    CAST(CASE WHEN ("municipality_code" IS NULL) THEN NULL ELSE RIGHT(CONCAT('000', CAST("municipality_code" AS VARCHAR)), 3) END AS VARCHAR) AS "municipality",
    CAST("age" AS INTEGER) AS "age",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'F' THEN 'F' WHEN 'K' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'M' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 'F' WHEN 'k' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'm' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "education",
    CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "patient_id"
  FROM smoking
  WHERE ((CASE WHEN (TRIM(CAST("completed" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("completed" AS VARCHAR)) WHEN '' THEN 1 WHEN '1' THEN 0 WHEN '0' THEN 0 WHEN 'true' THEN 0 WHEN 'false' THEN 0 WHEN 'yes' THEN 0 WHEN 'no' THEN 0 WHEN 'ja' THEN 0 WHEN 'nej' THEN 0 WHEN 'j' THEN 0 WHEN 'n' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("completed" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN '1' THEN 0 WHEN '0' THEN 0 WHEN 'true' THEN 0 WHEN 'false' THEN 0 WHEN 'yes' THEN 0 WHEN 'no' THEN 0 WHEN 'ja' THEN 0 WHEN 'nej' THEN 0 WHEN 'j' THEN 0 WHEN 'n' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("followup_6m" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("followup_6m" AS VARCHAR)) WHEN '' THEN 0 WHEN 'smoke_free' THEN 0 WHEN 'røgfri' THEN 0 WHEN 'smoking' THEN 0 WHEN 'ryger' THEN 0 WHEN 'lost' THEN 0 WHEN 'ikke_opnået' THEN 0 WHEN 'not_reached' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("followup_6m" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'smoke_free' THEN 0 WHEN 'roegfri' THEN 0 WHEN 'smoking' THEN 0 WHEN 'ryger' THEN 0 WHEN 'lost' THEN 0 WHEN 'ikke_opnaaet' THEN 0 WHEN 'not_reached' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END <> 1))
),
-- SPEC §2.5, §15: lup.csv with its canonical columns and types.
"lup_read" AS MATERIALIZED (
  SELECT
    CAST("responded_at" AS DATE) AS "responded_at",
    CAST(LOWER(TRIM(CAST("survey" AS VARCHAR))) AS VARCHAR) AS "survey",
    CAST(CASE WHEN (TRIM(CAST("patient_type" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("patient_type" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'inpatient' THEN 'inpatient' WHEN 'indlagt' THEN 'inpatient' WHEN 'outpatient' THEN 'outpatient' WHEN 'ambulant' THEN 'outpatient' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("patient_type" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'inpatient' THEN 'inpatient' WHEN 'indlagt' THEN 'inpatient' WHEN 'outpatient' THEN 'outpatient' WHEN 'ambulant' THEN 'outpatient' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "patient_type",
    CAST(LOWER(TRIM(CAST("question" AS VARCHAR))) AS VARCHAR) AS "question",
    CAST(CASE WHEN (TRIM(CAST("answer" AS VARCHAR)) IS NULL) THEN 'excluded' ELSE CASE TRIM(CAST("answer" AS VARCHAR)) WHEN '' THEN 'excluded' WHEN 'I meget høj grad' THEN 'positive' WHEN '5' THEN 'positive' WHEN 'I høj grad' THEN 'positive' WHEN '4' THEN 'positive' WHEN 'I nogen grad' THEN 'negative' WHEN '3' THEN 'negative' WHEN 'I ringe grad' THEN 'negative' WHEN '2' THEN 'negative' WHEN 'Slet ikke' THEN 'negative' WHEN '1' THEN 'negative' WHEN 'Ja' THEN 'positive' WHEN 'Nej' THEN 'negative' WHEN 'Ved ikke' THEN 'excluded' WHEN '9' THEN 'excluded' WHEN 'Ikke relevant' THEN 'excluded' WHEN '0' THEN 'excluded' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("answer" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'i_meget_hoej_grad' THEN 'positive' WHEN '5' THEN 'positive' WHEN 'i_hoej_grad' THEN 'positive' WHEN '4' THEN 'positive' WHEN 'i_nogen_grad' THEN 'negative' WHEN '3' THEN 'negative' WHEN 'i_ringe_grad' THEN 'negative' WHEN '2' THEN 'negative' WHEN 'slet_ikke' THEN 'negative' WHEN '1' THEN 'negative' WHEN 'ja' THEN 'positive' WHEN 'nej' THEN 'negative' WHEN 'ved_ikke' THEN 'excluded' WHEN '9' THEN 'excluded' WHEN 'ikke_relevant' THEN 'excluded' WHEN '0' THEN 'excluded' ELSE 'excluded' END END END AS VARCHAR) AS "answer",
    CAST(CASE WHEN ("municipality_code" IS NULL) THEN NULL ELSE RIGHT(CONCAT('000', CAST("municipality_code" AS VARCHAR)), 3) END AS VARCHAR) AS "municipality",
    CAST("age" AS INTEGER) AS "age",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'F' THEN 'F' WHEN 'K' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'M' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 'F' WHEN 'k' THEN 'F' WHEN 'kvinde' THEN 'F' WHEN 'female' THEN 'F' WHEN 'm' THEN 'M' WHEN 'mand' THEN 'M' WHEN 'male' THEN 'M' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN CAST(NULL AS VARCHAR) ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN CAST(NULL AS VARCHAR) WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 'short' WHEN 'kort' THEN 'short' WHEN 'low' THEN 'short' WHEN 'medium' THEN 'medium' WHEN 'mellem' THEN 'medium' WHEN 'mellemlang' THEN 'medium' WHEN 'long' THEN 'long' WHEN 'lang' THEN 'long' WHEN 'high' THEN 'long' ELSE CAST(NULL AS VARCHAR) END END END AS VARCHAR) AS "education",
    CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "patient_id"
  FROM lup
  WHERE ((CASE WHEN (TRIM(CAST("patient_type" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("patient_type" AS VARCHAR)) WHEN '' THEN 1 WHEN 'inpatient' THEN 0 WHEN 'indlagt' THEN 0 WHEN 'outpatient' THEN 0 WHEN 'ambulant' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("patient_type" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'inpatient' THEN 0 WHEN 'indlagt' THEN 0 WHEN 'outpatient' THEN 0 WHEN 'ambulant' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("answer" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("answer" AS VARCHAR)) WHEN '' THEN 0 WHEN 'I meget høj grad' THEN 0 WHEN '5' THEN 0 WHEN 'I høj grad' THEN 0 WHEN '4' THEN 0 WHEN 'I nogen grad' THEN 0 WHEN '3' THEN 0 WHEN 'I ringe grad' THEN 0 WHEN '2' THEN 0 WHEN 'Slet ikke' THEN 0 WHEN '1' THEN 0 WHEN 'Ja' THEN 0 WHEN 'Nej' THEN 0 WHEN 'Ved ikke' THEN 0 WHEN '9' THEN 0 WHEN 'Ikke relevant' THEN 0 WHEN '0' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("answer" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'i_meget_hoej_grad' THEN 0 WHEN '5' THEN 0 WHEN 'i_hoej_grad' THEN 0 WHEN '4' THEN 0 WHEN 'i_nogen_grad' THEN 0 WHEN '3' THEN 0 WHEN 'i_ringe_grad' THEN 0 WHEN '2' THEN 0 WHEN 'slet_ikke' THEN 0 WHEN '1' THEN 0 WHEN 'ja' THEN 0 WHEN 'nej' THEN 0 WHEN 'ved_ikke' THEN 0 WHEN '9' THEN 0 WHEN 'ikke_relevant' THEN 0 WHEN '0' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END <> 1) AND (CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END <> 1))
),
-- SPEC §3.1: Danish working days of the requested periods (src/calc/working-days.ts).
"calendar" AS MATERIALIZED (
  SELECT CAST("v"."day" AS DATE) AS "day", CAST("v"."working_day" AS INTEGER) AS "working_day", CAST("v"."contact_deadline" AS DATE) AS "contact_deadline"
  FROM (VALUES (DATE '2016-12-01', 1, DATE '2016-12-06'), (DATE '2016-12-02', 1, DATE '2016-12-07'), (DATE '2016-12-03', 0, DATE '2016-12-07'), (DATE '2016-12-04', 0, DATE '2016-12-07'), (DATE '2016-12-05', 1, DATE '2016-12-08'), (DATE '2016-12-06', 1, DATE '2016-12-09'), (DATE '2016-12-07', 1, DATE '2016-12-12'), (DATE '2016-12-08', 1, DATE '2016-12-13'), (DATE '2016-12-09', 1, DATE '2016-12-14'), (DATE '2016-12-10', 0, DATE '2016-12-14'), (DATE '2016-12-11', 0, DATE '2016-12-14'), (DATE '2016-12-12', 1, DATE '2016-12-15'), (DATE '2016-12-13', 1, DATE '2016-12-16'), (DATE '2016-12-14', 1, DATE '2016-12-19'), (DATE '2016-12-15', 1, DATE '2016-12-20'), (DATE '2016-12-16', 1, DATE '2016-12-21'), (DATE '2016-12-17', 0, DATE '2016-12-21'), (DATE '2016-12-18', 0, DATE '2016-12-21'), (DATE '2016-12-19', 1, DATE '2016-12-22'), (DATE '2016-12-20', 1, DATE '2016-12-23'), (DATE '2016-12-21', 1, DATE '2016-12-27'), (DATE '2016-12-22', 1, DATE '2016-12-28'), (DATE '2016-12-23', 1, DATE '2016-12-29'), (DATE '2016-12-24', 0, DATE '2016-12-29'), (DATE '2016-12-25', 0, DATE '2016-12-29'), (DATE '2016-12-26', 0, DATE '2016-12-29'), (DATE '2016-12-27', 1, DATE '2016-12-30'), (DATE '2016-12-28', 1, DATE '2017-01-02'), (DATE '2016-12-29', 1, DATE '2017-01-03'), (DATE '2016-12-30', 1, DATE '2017-01-04'), (DATE '2016-12-31', 0, DATE '2017-01-04')) AS "v"("day", "working_day", "contact_deadline")
),
-- SPEC §1.3: the requested periods, first and last day inclusive.
"periods" AS (
  SELECT CAST("v"."period" AS VARCHAR) AS "period", CAST("v"."from_day" AS DATE) AS "from_day", CAST("v"."to_day" AS DATE) AS "to_day"
  FROM (VALUES ('2016-12', DATE '2016-12-01', DATE '2016-12-31')) AS "v"("period", "from_day", "to_day")
),
-- SPEC §2.8: the region’s municipalities in their clusters.
"clusters" AS (
  SELECT CAST("v"."municipality" AS VARCHAR) AS "municipality", CAST("v"."cluster" AS VARCHAR) AS "cluster"
  FROM (VALUES ('741', 'Aarhus'), ('751', 'Aarhus'), ('657', 'Vest'), ('661', 'Vest'), ('665', 'Vest'), ('671', 'Vest'), ('756', 'Vest'), ('760', 'Vest'), ('740', 'Midt'), ('779', 'Midt'), ('791', 'Midt'), ('706', 'Randers'), ('707', 'Randers'), ('710', 'Randers'), ('730', 'Randers'), ('615', 'Horsens'), ('727', 'Horsens'), ('746', 'Horsens'), ('766', 'Horsens')) AS "v"("municipality", "cluster")
),
-- Each distinct diagnosis once (the lists are tested per code, not per row).
"diagnosis_codes" AS MATERIALIZED (
  SELECT DISTINCT
    "diagnosis" AS "diagnosis"
  FROM "admissions_read" AS "a"
),
-- SPEC §3.2 no. 1–2, §3.3: which code lists each diagnosis is on (prefix match).
"diagnosis_flags" AS (
  SELECT
    "d"."diagnosis" AS "diagnosis",
    MAX(CASE WHEN ("l"."list" = 'cancer') THEN 1 ELSE 0 END) AS "cancer",
    MAX(CASE WHEN ("l"."list" = 'z76_3') THEN 1 ELSE 0 END) AS "z76_3",
    MAX(CASE WHEN ("l"."list" = 'birth') THEN 1 ELSE 0 END) AS "birth",
    MAX(CASE WHEN ("l"."list" = 'injury') THEN 1 ELSE 0 END) AS "injury",
    MAX(CASE WHEN ("l"."list" = 'preventable') THEN 1 ELSE 0 END) AS "preventable"
  FROM "diagnosis_codes" AS "d"
  LEFT JOIN "code_lists" AS "l" ON (SUBSTRING("d"."diagnosis", 1, "l"."prefix_length") = "l"."prefix")
  GROUP BY "d"."diagnosis"
),
-- SPEC §3.1: psychiatric admissions never form or join episodes.
"somatic" AS (
  SELECT
    "a"."admission_id" AS "admission_id",
    "a"."patient_id" AS "patient_id",
    "a"."admitted_at" AS "admitted_at",
    "a"."discharged_at" AS "discharged_at",
    "a"."acute" AS "acute",
    "a"."died" AS "died",
    "a"."municipality" AS "municipality",
    "a"."age" AS "age",
    "a"."sex" AS "sex",
    "a"."education" AS "education",
    "a"."diagnosis" AS "diagnosis",
    "f"."cancer" AS "cancer",
    "f"."z76_3" AS "z76_3",
    "f"."birth" AS "birth",
    "f"."injury" AS "injury",
    "f"."preventable" AS "preventable"
  FROM "admissions_read" AS "a"
  JOIN "diagnosis_flags" AS "f" ON ("a"."diagnosis" = "f"."diagnosis")
  WHERE ("a"."psychiatric" = 0)
),
-- SPEC §3.1: an admission joins the chain when it starts no later than 4 hours after the latest discharge so far (or overlaps it); an admission without discharge keeps the chain open for every later one.
"chain_gaps" AS (
  SELECT
    "admission_id" AS "admission_id",
    "patient_id" AS "patient_id",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "acute" AS "acute",
    "died" AS "died",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "diagnosis" AS "diagnosis",
    "cancer" AS "cancer",
    "z76_3" AS "z76_3",
    "birth" AS "birth",
    "injury" AS "injury",
    "preventable" AS "preventable",
    ROW_NUMBER() OVER (PARTITION BY "patient_id" ORDER BY "admitted_at", "admission_id") AS "seq",
    MAX("discharged_at") OVER (PARTITION BY "patient_id" ORDER BY "admitted_at", "admission_id" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "end_before",
    MAX(CASE WHEN ("discharged_at" IS NULL) THEN 1 ELSE 0 END) OVER (PARTITION BY "patient_id" ORDER BY "admitted_at", "admission_id" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "open_before"
  FROM "somatic" AS "s"
),
-- SPEC §3.1: a new episode starts where the gap exceeds 4 hours (timestamp arithmetic).
"chain_starts" AS (
  SELECT
    "admission_id" AS "admission_id",
    "patient_id" AS "patient_id",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "acute" AS "acute",
    "died" AS "died",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "diagnosis" AS "diagnosis",
    "cancer" AS "cancer",
    "z76_3" AS "z76_3",
    "birth" AS "birth",
    "injury" AS "injury",
    "preventable" AS "preventable",
    CASE WHEN ("seq" = 1) THEN 1 WHEN ("open_before" = 1) THEN 0 WHEN ("admitted_at" > ("end_before" + INTERVAL 4 HOUR)) THEN 1 ELSE 0 END AS "starts"
  FROM "chain_gaps" AS "g"
),
-- SPEC §3.1: the episode number is the running count of starts in (admitted_at, id) order.
"chained" AS (
  SELECT
    "admission_id" AS "admission_id",
    "patient_id" AS "patient_id",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "acute" AS "acute",
    "died" AS "died",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "diagnosis" AS "diagnosis",
    "cancer" AS "cancer",
    "z76_3" AS "z76_3",
    "birth" AS "birth",
    "injury" AS "injury",
    "preventable" AS "preventable",
    "starts" AS "starts",
    SUM("starts") OVER (PARTITION BY "patient_id" ORDER BY "admitted_at", "admission_id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "episode_no"
  FROM "chain_starts" AS "s"
),
-- SPEC §3.1: the first admission (earliest admitted_at, ties by id) and the last-ending one (latest discharge, an ongoing one latest; ties the later in (admitted_at, id)) of each episode.
"ranked" AS MATERIALIZED (
  SELECT
    "admission_id" AS "admission_id",
    "patient_id" AS "patient_id",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "acute" AS "acute",
    "died" AS "died",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "diagnosis" AS "diagnosis",
    "cancer" AS "cancer",
    "z76_3" AS "z76_3",
    "birth" AS "birth",
    "injury" AS "injury",
    "preventable" AS "preventable",
    "episode_no" AS "episode_no",
    "starts" AS "starts",
    ROW_NUMBER() OVER (PARTITION BY "patient_id", "episode_no" ORDER BY CASE WHEN ("discharged_at" IS NULL) THEN 1 ELSE 0 END DESC, "discharged_at" DESC, "admitted_at" DESC, "admission_id" DESC) AS "last_rank",
    MAX(CASE WHEN ("discharged_at" IS NULL) THEN 1 ELSE 0 END) OVER (PARTITION BY "patient_id", "episode_no") AS "episode_open",
    MAX("discharged_at") OVER (PARTITION BY "patient_id", "episode_no") AS "episode_end"
  FROM "chained" AS "h"
),
-- SPEC §3.1: an episode takes the attributes of its first admission, the discharge of the chain (none while open) and the status of its last-ending admission.
"episodes" AS MATERIALIZED (
  SELECT
    "f"."patient_id" AS "patient_id",
    "f"."episode_no" AS "episode_no",
    "f"."admitted_at" AS "admitted_at",
    "f"."acute" AS "acute",
    "f"."municipality" AS "municipality",
    "f"."age" AS "age",
    "f"."sex" AS "sex",
    "f"."education" AS "education",
    "f"."cancer" AS "cancer",
    "f"."z76_3" AS "z76_3",
    "f"."birth" AS "birth",
    "f"."injury" AS "injury",
    "f"."preventable" AS "preventable",
    CASE WHEN ("f"."episode_open" = 1) THEN NULL ELSE "f"."episode_end" END AS "discharged_at",
    "l"."died" AS "died"
  FROM "ranked" AS "f"
  JOIN "ranked" AS "l" ON (("f"."patient_id" = "l"."patient_id") AND ("f"."episode_no" = "l"."episode_no") AND ("l"."last_rank" = 1))
  WHERE ("f"."starts" = 1)
),
-- SPEC §3.1: the episodes as the episode indicators read them (readmission-30d reads its own units, src/sql/readmission.ts).
"episode_returns" AS MATERIALIZED (
  SELECT
    "patient_id" AS "patient_id",
    "episode_no" AS "episode_no",
    "admitted_at" AS "admitted_at",
    "discharged_at" AS "discharged_at",
    "died" AS "died",
    "acute" AS "acute",
    "municipality" AS "municipality",
    "age" AS "age",
    "sex" AS "sex",
    "education" AS "education",
    "cancer" AS "cancer",
    "z76_3" AS "z76_3",
    "birth" AS "birth",
    "injury" AS "injury",
    "preventable" AS "preventable"
  FROM "episodes" AS "e"
),
-- SPEC §3.2 no. 1, §14.3: which of the readmission rules’ code lists each distinct primary diagnosis is on.
"readmission_codes" AS (
  SELECT
    "d"."diagnosis" AS "diagnosis",
    MAX(CASE WHEN ("l"."list" = 'l0') THEN 1 ELSE 0 END) AS "l0",
    MAX(CASE WHEN ("l"."list" = 'l1') THEN 1 ELSE 0 END) AS "l1",
    MAX(CASE WHEN ("l"."list" = 'l2') THEN 1 ELSE 0 END) AS "l2",
    MAX(CASE WHEN ("l"."list" = 'l3') THEN 1 ELSE 0 END) AS "l3"
  FROM "diagnosis_codes" AS "d"
  LEFT JOIN "readmission_lists" AS "l" ON (SUBSTRING("d"."diagnosis", 1, "l"."prefix_length") = "l"."prefix")
  GROUP BY "d"."diagnosis"
),
-- SPEC §3.1, §14.3: an episode’s diagnoses are the primary diagnoses of its admissions: the first’s, the last-ending one’s, any.
"readmission_episode_flags" AS (
  SELECT
    "r"."patient_id" AS "patient_id",
    "r"."episode_no" AS "episode_no",
    MAX(CASE WHEN ("r"."starts" = 1) THEN "f"."l0" ELSE 0 END) AS "l0",
    MAX(CASE WHEN ("r"."last_rank" = 1) THEN "f"."l0" ELSE 0 END) AS "last_l0",
    MAX("f"."l0") AS "any_l0",
    MAX(CASE WHEN ("r"."starts" = 1) THEN "f"."l1" ELSE 0 END) AS "l1",
    MAX(CASE WHEN ("r"."last_rank" = 1) THEN "f"."l1" ELSE 0 END) AS "last_l1",
    MAX("f"."l1") AS "any_l1",
    MAX(CASE WHEN ("r"."starts" = 1) THEN "f"."l2" ELSE 0 END) AS "l2",
    MAX(CASE WHEN ("r"."last_rank" = 1) THEN "f"."l2" ELSE 0 END) AS "last_l2",
    MAX("f"."l2") AS "any_l2",
    MAX(CASE WHEN ("r"."starts" = 1) THEN "f"."l3" ELSE 0 END) AS "l3",
    MAX(CASE WHEN ("r"."last_rank" = 1) THEN "f"."l3" ELSE 0 END) AS "last_l3",
    MAX("f"."l3") AS "any_l3"
  FROM "ranked" AS "r"
  JOIN "readmission_codes" AS "f" ON ("r"."diagnosis" = "f"."diagnosis")
  GROUP BY "r"."patient_id", "r"."episode_no"
),
-- SPEC §3.1, §14.3: the episodes with their diagnoses’ flags.
"readmission_episodes" AS (
  SELECT
    "e"."patient_id" AS "patient_id",
    "e"."episode_no" AS "unit_id",
    "e"."admitted_at" AS "admitted_at",
    "e"."discharged_at" AS "discharged_at",
    CASE WHEN ("e"."discharged_at" IS NULL) THEN 1 ELSE 0 END AS "open",
    "e"."acute" AS "acute",
    "e"."died" AS "last_died",
    "e"."municipality" AS "municipality",
    "e"."age" AS "age",
    "e"."sex" AS "sex",
    "e"."education" AS "education",
    "g"."l0" AS "l0",
    "g"."last_l0" AS "last_l0",
    "g"."any_l0" AS "any_l0",
    "g"."l1" AS "l1",
    "g"."last_l1" AS "last_l1",
    "g"."any_l1" AS "any_l1",
    "g"."l2" AS "l2",
    "g"."last_l2" AS "last_l2",
    "g"."any_l2" AS "any_l2",
    "g"."l3" AS "l3",
    "g"."last_l3" AS "last_l3",
    "g"."any_l3" AS "any_l3"
  FROM "episodes" AS "e"
  JOIN "readmission_episode_flags" AS "g" ON (("e"."patient_id" = "g"."patient_id") AND ("e"."episode_no" = "g"."episode_no"))
),
-- SPEC §3.2 no. 1, §14.3: the units are the episodes.
"readmission_units" AS (
  SELECT
    "u"."patient_id" AS "patient_id",
    "u"."unit_id" AS "unit_id",
    "u"."admitted_at" AS "admitted_at",
    "u"."discharged_at" AS "discharged_at",
    "u"."open" AS "open",
    "u"."acute" AS "acute",
    CASE WHEN ("u"."open" = 1) THEN 0 ELSE "u"."last_died" END AS "died",
    0 AS "hospice",
    "u"."l0" AS "l0_first",
    "u"."l1" AS "l1_first",
    "u"."l2" AS "l2_first",
    "u"."l3" AS "l3_first",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education"
  FROM "readmission_episodes" AS "u"
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
    CASE WHEN ("died" = 1) THEN 0 WHEN ("l0_first" = 1) THEN 1 WHEN ("l1_first" = 1) THEN 2 ELSE -1 END AS "index_rule",
    CASE WHEN ("acute" = 0) THEN 0 WHEN ("l2_first" = 1) THEN 1 WHEN ("l3_first" = 1) THEN 2 ELSE -1 END AS "return_rule"
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
    CASE WHEN (("next_readmission_at" IS NOT NULL) AND ("next_readmission_at" > "discharged_at") AND ("next_readmission_at" <= ("discharged_at" + INTERVAL 720 HOUR))) THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "readmission_next" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("index_rule" = -1))
  UNION ALL
  SELECT
    'readmission-30d' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    CASE WHEN ("index_rule" = 0) THEN 'indexExcludedDied' WHEN ("index_rule" = 1) THEN 'indexExcludedCancer' WHEN ("index_rule" = 2) THEN 'indexExcludedZ763' ELSE CAST(NULL AS VARCHAR) END AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "readmission_next" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND (NOT ("index_rule" = -1)))
  UNION ALL
  SELECT
    'readmission-30d' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    CASE WHEN ("next_return_rule" = 0) THEN 'returnNotCountedPlanned' WHEN ("next_return_rule" = 1) THEN 'returnNotCountedBirth' WHEN ("next_return_rule" = 2) THEN 'returnNotCountedInjury' ELSE CAST(NULL AS VARCHAR) END AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "readmission_next" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("index_rule" = -1) AND (NOT (("next_readmission_at" IS NOT NULL) AND ("next_readmission_at" > "discharged_at") AND ("next_readmission_at" <= ("discharged_at" + INTERVAL 720 HOUR)))) AND ("next_admitted_at" IS NOT NULL) AND ("next_admitted_at" <= ("discharged_at" + INTERVAL 720 HOUR)) AND ("next_return_rule" >= 0))
  UNION ALL
  SELECT
    'preventable-admissions-65' AS "indicator",
    CAST("admitted_at" AS DATE) AS "first_day",
    CAST("admitted_at" AS DATE) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "episode_returns" AS "u"
  WHERE (("acute" = 1) AND ("preventable" = 1) AND ("age" >= 65))
  UNION ALL
  SELECT
    'acute-short-admissions' AS "indicator",
    CAST("admitted_at" AS DATE) AS "first_day",
    CAST("admitted_at" AS DATE) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "episode_returns" AS "u"
  WHERE (("acute" = 1) AND ("discharged_at" IS NOT NULL) AND ("discharged_at" < ("admitted_at" + INTERVAL 24 HOUR)))
  UNION ALL
  SELECT
    'ready-for-discharge-days' AS "indicator",
    CAST("ready_at" AS DATE) AS "first_day",
    (CAST("discharged_at" AS DATE) + -1) AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    "u"."patient_id" AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
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
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE ((1 = 1) AND ("ready_at" IS NOT NULL) AND ("discharged_at" IS NULL))
  UNION ALL
  SELECT
    'discharges-outside-daytime' AS "indicator",
    CAST("u"."discharged_at" AS DATE) AS "first_day",
    CAST("u"."discharged_at" AS DATE) AS "last_day",
    CASE WHEN (("w"."working_day" IS NULL) OR (("discharged_at" < (CAST(CAST("discharged_at" AS DATE) AS TIMESTAMP) + INTERVAL 8 HOUR)) OR ("discharged_at" >= (CAST(CAST("discharged_at" AS DATE) AS TIMESTAMP) + INTERVAL 16 HOUR)) OR (NOT ("w"."working_day" = 1)))) THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
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
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "episode_returns" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("died" = 1))
  UNION ALL
  SELECT
    'cost-per-capita' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    COALESCE("cost_dkk", CAST(0 AS DECIMAL(18,6))) AS "numerator",
    0 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
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
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("cost_dkk" IS NULL))
  UNION ALL
  SELECT
    'cofinancing-per-capita' AS "indicator",
    CAST("discharged_at" AS DATE) AS "first_day",
    CAST("discharged_at" AS DATE) AS "last_day",
    COALESCE("cofinancing_dkk", CAST(0 AS DECIMAL(18,6))) AS "numerator",
    0 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
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
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "admissions_read" AS "u"
  WHERE (("discharged_at" IS NOT NULL) AND ("cofinancing_dkk" IS NULL))
  UNION ALL
  SELECT
    'prevention-referrals' AS "indicator",
    "referred_at" AS "first_day",
    "referred_at" AS "last_day",
    1 AS "numerator",
    0 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE (("offer" IN ('smoking_cessation', 'alcohol', 'weight', 'physical_activity', 'diet', 'chronic_disease', 'mental_health')) AND ("sender" IN ('gp', 'hospital', 'psychiatry')))
  UNION ALL
  SELECT
    'prevention-referrals' AS "indicator",
    "referred_at" AS "first_day",
    "referred_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    CONCAT('preventionReferralSenderLeftOut', ';sender=', "sender") AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE (("offer" IN ('smoking_cessation', 'alcohol', 'weight', 'physical_activity', 'diet', 'chronic_disease', 'mental_health')) AND (NOT ("sender" IN ('gp', 'hospital', 'psychiatry'))))
  UNION ALL
  SELECT
    'rehab-contact-3-workdays' AS "indicator",
    "u"."received_at" AS "first_day",
    "u"."received_at" AS "last_day",
    CASE WHEN (("u"."contacted_at" IS NOT NULL) AND ("u"."contacted_at" <= "w"."contact_deadline")) THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  LEFT JOIN "calendar" AS "w" ON ("w"."day" = "u"."received_at")
  WHERE (("offer" = 'rehabilitation') AND ("received_at" IS NOT NULL))
  UNION ALL
  SELECT
    'rehab-contact-3-workdays' AS "indicator",
    "received_at" AS "first_day",
    "received_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'notContacted' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE (("offer" = 'rehabilitation') AND ("received_at" IS NOT NULL) AND ("contacted_at" IS NULL))
  UNION ALL
  SELECT
    'rehab-contact-3-workdays' AS "indicator",
    "referred_at" AS "first_day",
    "referred_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'rehabilitationNoReceivedAt' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE (("offer" = 'rehabilitation') AND (NOT ("received_at" IS NOT NULL)))
  UNION ALL
  SELECT
    'rehab-timely-start' AS "indicator",
    "received_at" AS "first_day",
    "received_at" AS "last_day",
    CASE WHEN (("started_at" IS NOT NULL) AND ("started_at" <= "start_due_by")) THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    "start_due_by" AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE ((("offer" = 'rehabilitation') AND ("received_at" IS NOT NULL)) AND ("start_due_by" IS NOT NULL))
  UNION ALL
  SELECT
    'rehab-timely-start' AS "indicator",
    "received_at" AS "first_day",
    "received_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'rehabilitationNoStartDueBy' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE ((("offer" = 'rehabilitation') AND ("received_at" IS NOT NULL)) AND (NOT ("start_due_by" IS NOT NULL)))
  UNION ALL
  SELECT
    'rehab-timely-start' AS "indicator",
    "received_at" AS "first_day",
    "received_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'notStarted' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE ((("offer" = 'rehabilitation') AND ("received_at" IS NOT NULL)) AND ("start_due_by" IS NOT NULL) AND ("started_at" IS NULL))
  UNION ALL
  SELECT
    'vulnerable-pregnancy-team-before-week-24' AS "indicator",
    "referred_at" AS "first_day",
    "referred_at" AS "last_day",
    CASE WHEN (("team_joined_at" IS NOT NULL) AND ("team_joined_at" < ("expected_delivery_date" + -112))) THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    ("expected_delivery_date" + -112) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE (("offer" = 'vulnerable_pregnancy') AND ("expected_delivery_date" IS NOT NULL))
  UNION ALL
  SELECT
    'vulnerable-pregnancy-team-before-week-24' AS "indicator",
    "referred_at" AS "first_day",
    "referred_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'pregnancyNoExpectedDelivery' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE (("offer" = 'vulnerable_pregnancy') AND (NOT ("expected_delivery_date" IS NOT NULL)))
  UNION ALL
  SELECT
    'vulnerable-pregnancy-team-before-week-24' AS "indicator",
    "referred_at" AS "first_day",
    "referred_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'notInTeam' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    "u"."sender" AS "sender",
    "u"."offer" AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "referrals_read" AS "u"
  WHERE (("offer" = 'vulnerable_pregnancy') AND ("expected_delivery_date" IS NOT NULL) AND ("team_joined_at" IS NULL))
  UNION ALL
  SELECT
    'smoke-free-6m' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    CASE WHEN ("followup" = 'smoke_free') THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE (("completed" = 1) AND ("followup" IN ('smoke_free', 'smoking')))
  UNION ALL
  SELECT
    'smoke-free-6m' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'coursesNotCompleted' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE (NOT ("completed" = 1))
  UNION ALL
  SELECT
    'smoke-free-6m' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'coursesFollowUpNotDue' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE (("completed" = 1) AND ("followup" IS NULL))
  UNION ALL
  SELECT
    'smoke-free-6m' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'coursesLostCompleted' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE (("completed" = 1) AND ("followup" = 'lost'))
  UNION ALL
  SELECT
    'smoke-free-6m-itt' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    CASE WHEN ("followup" = 'smoke_free') THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE ("followup" IS NOT NULL)
  UNION ALL
  SELECT
    'smoke-free-6m-itt' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'coursesFollowUpNotDue' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE ("followup" IS NULL)
  UNION ALL
  SELECT
    'smoke-free-6m-itt' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'lostCountedSmoking' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE ("followup" = 'lost')
  UNION ALL
  SELECT
    'smoking-reach-short-education' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    CASE WHEN ("education" = 'short') THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE ("education" IS NOT NULL)
  UNION ALL
  SELECT
    'smoking-reach-short-education' AS "indicator",
    "course_started_at" AS "first_day",
    "course_started_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'coursesEducationUnknown' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    CAST(NULL AS VARCHAR) AS "patient_type"
  FROM "smoking_read" AS "u"
  WHERE ("education" IS NULL)
  UNION ALL
  SELECT
    'lup-cooperation-school' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    CASE WHEN ("answer" = 'positive') THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'psychiatry_children') AND ((("patient_type" = 'inpatient') AND ("question" IN ('27a'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('23a'))))) AND (("answer" = 'positive') OR ("answer" = 'negative')))
  UNION ALL
  SELECT
    'lup-cooperation-school' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'lupExcludedAnswers' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'psychiatry_children') AND ((("patient_type" = 'inpatient') AND ("question" IN ('27a'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('23a'))))) AND ("answer" = 'excluded'))
  UNION ALL
  SELECT
    'lup-cooperation-social' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    CASE WHEN ("answer" = 'positive') THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'psychiatry_children') AND ((("patient_type" = 'inpatient') AND ("question" IN ('27b'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('23b'))))) AND (("answer" = 'positive') OR ("answer" = 'negative')))
  UNION ALL
  SELECT
    'lup-cooperation-social' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'lupExcludedAnswers' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'psychiatry_children') AND ((("patient_type" = 'inpatient') AND ("question" IN ('27b'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('23b'))))) AND ("answer" = 'excluded'))
  UNION ALL
  SELECT
    'lup-cooperation-gp' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    CASE WHEN ("answer" = 'positive') THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'psychiatry_children') AND ((("patient_type" = 'inpatient') AND ("question" IN ('27c'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('23c'))))) AND (("answer" = 'positive') OR ("answer" = 'negative')))
  UNION ALL
  SELECT
    'lup-cooperation-gp' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'lupExcludedAnswers' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'psychiatry_children') AND ((("patient_type" = 'inpatient') AND ("question" IN ('27c'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('23c'))))) AND ("answer" = 'excluded'))
  UNION ALL
  SELECT
    'lup-maternity-transition' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    CASE WHEN ("answer" = 'positive') THEN 1 ELSE 0 END AS "numerator",
    1 AS "denominator",
    CAST(NULL AS VARCHAR) AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'maternity') AND ((("patient_type" = 'inpatient') AND ("question" IN ('15', '36', '40', '41'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('15', '36', '40', '41'))))) AND (("answer" = 'positive') OR ("answer" = 'negative')))
  UNION ALL
  SELECT
    'lup-maternity-transition' AS "indicator",
    "responded_at" AS "first_day",
    "responded_at" AS "last_day",
    0 AS "numerator",
    0 AS "denominator",
    'lupExcludedAnswers' AS "note",
    CAST(NULL AS DATE) AS "follow_up_end",
    "u"."municipality" AS "municipality",
    "u"."age" AS "age",
    "u"."sex" AS "sex",
    "u"."education" AS "education",
    CAST(NULL AS VARCHAR) AS "patient_id",
    CAST(NULL AS VARCHAR) AS "sender",
    CAST(NULL AS VARCHAR) AS "offer",
    "u"."patient_type" AS "patient_type"
  FROM "lup_read" AS "u"
  WHERE ((("survey" = 'maternity') AND ((("patient_type" = 'inpatient') AND ("question" IN ('15', '36', '40', '41'))) OR (("patient_type" = 'outpatient') AND ("question" IN ('15', '36', '40', '41'))))) AND ("answer" = 'excluded'))
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
    CASE WHEN ("u"."municipality" IS NULL) THEN 'unknown' ELSE COALESCE("k"."cluster", 'Outside region') END AS "by_cluster",
    COALESCE("u"."sex", 'unknown') AS "by_sex",
    COALESCE("u"."patient_type", 'unknown') AS "by_patient_type"
  FROM "units" AS "u"
  JOIN "periods" AS "p" ON (("u"."first_day" <= "p"."to_day") AND ("u"."last_day" >= "p"."from_day"))
  LEFT JOIN "clusters" AS "k" ON ("k"."municipality" = "u"."municipality")
),
-- SPEC §15: the units summed per period, group, note, education level, ESP2013 band (and person, for the per-1000 indicators).
"cells" AS MATERIALIZED (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "by_cluster",
    "by_sex" AS "by_sex",
    "by_patient_type" AS "by_patient_type",
    "note" AS "note",
    "education" AS "education",
    "esp2013" AS "esp2013",
    "patient_id" AS "person",
    SUM(("numerator" * "days")) AS "numerator",
    SUM(("denominator" * "days")) AS "denominator",
    SUM("days") AS "units",
    MAX("follow_up_end") AS "follow_up_end"
  FROM "counted" AS "x"
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "by_patient_type", "note", "education", "esp2013", "patient_id"
),
-- SPEC §8.1: events per person within a band, for the variance of repeat events.
"persons_total_5" AS (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "esp2013" AS "esp2013",
    CAST(SUM("numerator") AS INTEGER) AS "events"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days')) AND ("note" IS NULL) AND ("person" IS NOT NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "esp2013", "person"
),
-- SPEC §8.1: events per person within a band, for the variance of repeat events.
"persons_group_11" AS (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "by_cluster",
    "by_sex" AS "by_sex",
    "esp2013" AS "esp2013",
    CAST(SUM("numerator") AS INTEGER) AS "events"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days')) AND ("note" IS NULL) AND ("person" IS NOT NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "esp2013", "person"
),
-- SPEC §13.2: the dates that make the data end of admissions.csv.
"data_end_admissions" AS MATERIALIZED (
  SELECT
    CAST("admitted_at" AS DATE) AS "day"
  FROM "admissions_read" AS "a"
  UNION ALL
  SELECT
    CAST("discharged_at" AS DATE) AS "day"
  FROM "admissions_read" AS "a"
  WHERE ("discharged_at" IS NOT NULL)
),
-- SPEC §13.2: the dates that make the data end of referrals.csv.
"data_end_referrals" AS (
  SELECT
    "referred_at" AS "day"
  FROM "referrals_read" AS "a"
),
-- SPEC §1.3: the event dates of referrals.csv.
"event_days_referrals" AS MATERIALIZED (
  SELECT
    "referred_at" AS "day"
  FROM "referrals_read" AS "a"
  UNION ALL
  SELECT
    "received_at" AS "day"
  FROM "referrals_read" AS "a"
  WHERE ("received_at" IS NOT NULL)
),
-- SPEC §13.2: the dates that make the data end of smoking.csv.
"data_end_smoking" AS MATERIALIZED (
  SELECT
    "course_started_at" AS "day"
  FROM "smoking_read" AS "a"
),
-- SPEC §13.2: the dates that make the data end of lup.csv.
"data_end_lup" AS MATERIALIZED (
  SELECT
    "responded_at" AS "day"
  FROM "lup_read" AS "a"
),
-- SPEC §14.3: the definition profile of these counts.
"profile" AS (
  SELECT CAST("v"."profile" AS VARCHAR) AS "profile"
  FROM (VALUES ('rm-2015-2018')) AS "v"("profile")
),
-- SPEC §2.1: 1 where admissions.csv's reader would reject the value.
"admissions_rejected" AS (
  SELECT
    CAST(CASE WHEN (TRIM(CAST("admission_type" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("admission_type" AS VARCHAR)) WHEN '' THEN 1 WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN '1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN '2' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("admission_type" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'acute' THEN 0 WHEN 'akut' THEN 0 WHEN '1' THEN 0 WHEN 'planned' THEN 0 WHEN 'planlagt' THEN 0 WHEN '2' THEN 0 ELSE 1 END END END AS INTEGER) AS "admission_type",
    CAST(CASE WHEN (TRIM(CAST("sector" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sector" AS VARCHAR)) WHEN '' THEN 0 WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sector" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'somatic' THEN 0 WHEN 'somatik' THEN 0 WHEN 'psychiatric' THEN 0 WHEN 'psykiatri' THEN 0 ELSE 1 END END END AS INTEGER) AS "sector",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END AS INTEGER) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END AS INTEGER) AS "education",
    CAST(CASE WHEN (TRIM(CAST("discharge_status" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("discharge_status" AS VARCHAR)) WHEN '' THEN 0 WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'død' THEN 0 WHEN 'doed' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("discharge_status" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'alive' THEN 0 WHEN 'died' THEN 0 WHEN 'doed' THEN 0 ELSE 1 END END END AS INTEGER) AS "discharge_status"
  FROM dw.lpr_admissions
),
-- SPEC §1.6: the rows of admissions.csv left out, per column.
"admissions_invalid" AS MATERIALIZED (
  SELECT
    COALESCE(SUM("admission_type"), 0) AS "admission_type",
    COALESCE(SUM("sector"), 0) AS "sector",
    COALESCE(SUM("sex"), 0) AS "sex",
    COALESCE(SUM("education"), 0) AS "education",
    COALESCE(SUM("discharge_status"), 0) AS "discharge_status"
  FROM "admissions_rejected" AS "r"
),
-- SPEC §2.1: 1 where referrals.csv's reader would reject the value.
"referrals_rejected" AS (
  SELECT
    CAST(CASE WHEN (TRIM(CAST("sender" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("sender" AS VARCHAR)) WHEN '' THEN 1 WHEN 'gp' THEN 0 WHEN 'almen_praksis' THEN 0 WHEN 'egen_læge' THEN 0 WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'psychiatry' THEN 0 WHEN 'psykiatri' THEN 0 WHEN 'self' THEN 0 WHEN 'borger' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sender" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'gp' THEN 0 WHEN 'almen_praksis' THEN 0 WHEN 'egen_laege' THEN 0 WHEN 'hospital' THEN 0 WHEN 'sygehus' THEN 0 WHEN 'psychiatry' THEN 0 WHEN 'psykiatri' THEN 0 WHEN 'self' THEN 0 WHEN 'borger' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE 1 END END END AS INTEGER) AS "sender",
    CAST(CASE WHEN (TRIM(CAST("offer" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("offer" AS VARCHAR)) WHEN '' THEN 1 WHEN 'smoking_cessation' THEN 0 WHEN 'rygestop' THEN 0 WHEN 'alcohol' THEN 0 WHEN 'alkohol' THEN 0 WHEN 'weight' THEN 0 WHEN 'overvægt' THEN 0 WHEN 'physical_activity' THEN 0 WHEN 'motion' THEN 0 WHEN 'diet' THEN 0 WHEN 'kost' THEN 0 WHEN 'chronic_disease' THEN 0 WHEN 'kronisk_sygdom' THEN 0 WHEN 'mental_health' THEN 0 WHEN 'mental_sundhed' THEN 0 WHEN 'rehabilitation' THEN 0 WHEN 'genoptræning' THEN 0 WHEN 'vulnerable_pregnancy' THEN 0 WHEN 'sårbar_gravid' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("offer" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'smoking_cessation' THEN 0 WHEN 'rygestop' THEN 0 WHEN 'alcohol' THEN 0 WHEN 'alkohol' THEN 0 WHEN 'weight' THEN 0 WHEN 'overvaegt' THEN 0 WHEN 'physical_activity' THEN 0 WHEN 'motion' THEN 0 WHEN 'diet' THEN 0 WHEN 'kost' THEN 0 WHEN 'chronic_disease' THEN 0 WHEN 'kronisk_sygdom' THEN 0 WHEN 'mental_health' THEN 0 WHEN 'mental_sundhed' THEN 0 WHEN 'rehabilitation' THEN 0 WHEN 'genoptraening' THEN 0 WHEN 'vulnerable_pregnancy' THEN 0 WHEN 'saarbar_gravid' THEN 0 WHEN 'other' THEN 0 WHEN 'andet' THEN 0 ELSE 1 END END END AS INTEGER) AS "offer",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END AS INTEGER) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END AS INTEGER) AS "education"
  FROM referrals
),
-- SPEC §1.6: the rows of referrals.csv left out, per column.
"referrals_invalid" AS MATERIALIZED (
  SELECT
    COALESCE(SUM("sender"), 0) AS "sender",
    COALESCE(SUM("offer"), 0) AS "offer",
    COALESCE(SUM("sex"), 0) AS "sex",
    COALESCE(SUM("education"), 0) AS "education"
  FROM "referrals_rejected" AS "r"
),
-- SPEC §2.1: 1 where smoking.csv's reader would reject the value.
"smoking_rejected" AS (
  SELECT
    CAST(CASE WHEN (TRIM(CAST("completed" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("completed" AS VARCHAR)) WHEN '' THEN 1 WHEN '1' THEN 0 WHEN '0' THEN 0 WHEN 'true' THEN 0 WHEN 'false' THEN 0 WHEN 'yes' THEN 0 WHEN 'no' THEN 0 WHEN 'ja' THEN 0 WHEN 'nej' THEN 0 WHEN 'j' THEN 0 WHEN 'n' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("completed" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN '1' THEN 0 WHEN '0' THEN 0 WHEN 'true' THEN 0 WHEN 'false' THEN 0 WHEN 'yes' THEN 0 WHEN 'no' THEN 0 WHEN 'ja' THEN 0 WHEN 'nej' THEN 0 WHEN 'j' THEN 0 WHEN 'n' THEN 0 ELSE 1 END END END AS INTEGER) AS "completed",
    CAST(CASE WHEN (TRIM(CAST("followup_6m" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("followup_6m" AS VARCHAR)) WHEN '' THEN 0 WHEN 'smoke_free' THEN 0 WHEN 'røgfri' THEN 0 WHEN 'smoking' THEN 0 WHEN 'ryger' THEN 0 WHEN 'lost' THEN 0 WHEN 'ikke_opnået' THEN 0 WHEN 'not_reached' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("followup_6m" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'smoke_free' THEN 0 WHEN 'roegfri' THEN 0 WHEN 'smoking' THEN 0 WHEN 'ryger' THEN 0 WHEN 'lost' THEN 0 WHEN 'ikke_opnaaet' THEN 0 WHEN 'not_reached' THEN 0 ELSE 1 END END END AS INTEGER) AS "followup_6m",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END AS INTEGER) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END AS INTEGER) AS "education"
  FROM smoking
),
-- SPEC §1.6: the rows of smoking.csv left out, per column.
"smoking_invalid" AS MATERIALIZED (
  SELECT
    COALESCE(SUM("completed"), 0) AS "completed",
    COALESCE(SUM("followup_6m"), 0) AS "followup_6m",
    COALESCE(SUM("sex"), 0) AS "sex",
    COALESCE(SUM("education"), 0) AS "education"
  FROM "smoking_rejected" AS "r"
),
-- SPEC §2.1: 1 where lup.csv's reader would reject the value.
"lup_rejected" AS (
  SELECT
    CAST(CASE WHEN (TRIM(CAST("patient_type" AS VARCHAR)) IS NULL) THEN 1 ELSE CASE TRIM(CAST("patient_type" AS VARCHAR)) WHEN '' THEN 1 WHEN 'inpatient' THEN 0 WHEN 'indlagt' THEN 0 WHEN 'outpatient' THEN 0 WHEN 'ambulant' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("patient_type" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'inpatient' THEN 0 WHEN 'indlagt' THEN 0 WHEN 'outpatient' THEN 0 WHEN 'ambulant' THEN 0 ELSE 1 END END END AS INTEGER) AS "patient_type",
    CAST(CASE WHEN (TRIM(CAST("answer" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("answer" AS VARCHAR)) WHEN '' THEN 0 WHEN 'I meget høj grad' THEN 0 WHEN '5' THEN 0 WHEN 'I høj grad' THEN 0 WHEN '4' THEN 0 WHEN 'I nogen grad' THEN 0 WHEN '3' THEN 0 WHEN 'I ringe grad' THEN 0 WHEN '2' THEN 0 WHEN 'Slet ikke' THEN 0 WHEN '1' THEN 0 WHEN 'Ja' THEN 0 WHEN 'Nej' THEN 0 WHEN 'Ved ikke' THEN 0 WHEN '9' THEN 0 WHEN 'Ikke relevant' THEN 0 WHEN '0' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("answer" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'i_meget_hoej_grad' THEN 0 WHEN '5' THEN 0 WHEN 'i_hoej_grad' THEN 0 WHEN '4' THEN 0 WHEN 'i_nogen_grad' THEN 0 WHEN '3' THEN 0 WHEN 'i_ringe_grad' THEN 0 WHEN '2' THEN 0 WHEN 'slet_ikke' THEN 0 WHEN '1' THEN 0 WHEN 'ja' THEN 0 WHEN 'nej' THEN 0 WHEN 'ved_ikke' THEN 0 WHEN '9' THEN 0 WHEN 'ikke_relevant' THEN 0 WHEN '0' THEN 0 ELSE 1 END END END AS INTEGER) AS "answer",
    CAST(CASE WHEN (TRIM(CAST("sex" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("sex" AS VARCHAR)) WHEN '' THEN 0 WHEN 'F' THEN 0 WHEN 'K' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'M' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("sex" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'f' THEN 0 WHEN 'k' THEN 0 WHEN 'kvinde' THEN 0 WHEN 'female' THEN 0 WHEN 'm' THEN 0 WHEN 'mand' THEN 0 WHEN 'male' THEN 0 ELSE 1 END END END AS INTEGER) AS "sex",
    CAST(CASE WHEN (TRIM(CAST("education" AS VARCHAR)) IS NULL) THEN 0 ELSE CASE TRIM(CAST("education" AS VARCHAR)) WHEN '' THEN 0 WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE CASE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(TRIM(CAST("education" AS VARCHAR))), ' ', '_'), '-', '_'), '	', '_'), '__', '_'), '__', '_'), '__', '_'), 'å', 'aa'), 'Å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa') WHEN 'short' THEN 0 WHEN 'kort' THEN 0 WHEN 'low' THEN 0 WHEN 'medium' THEN 0 WHEN 'mellem' THEN 0 WHEN 'mellemlang' THEN 0 WHEN 'long' THEN 0 WHEN 'lang' THEN 0 WHEN 'high' THEN 0 ELSE 1 END END END AS INTEGER) AS "education"
  FROM lup
),
-- SPEC §1.6: the rows of lup.csv left out, per column.
"lup_invalid" AS MATERIALIZED (
  SELECT
    COALESCE(SUM("patient_type"), 0) AS "patient_type",
    COALESCE(SUM("answer"), 0) AS "answer",
    COALESCE(SUM("sex"), 0) AS "sex",
    COALESCE(SUM("education"), 0) AS "education"
  FROM "lup_rejected" AS "r"
),
-- SPEC §15: one result set of counts.
"counts" AS (
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CAST(NULL AS VARCHAR) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita', 'prevention-referrals', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24', 'smoke-free-6m', 'smoke-free-6m-itt', 'smoking-reach-short-education', 'lup-cooperation-school', 'lup-cooperation-social', 'lup-cooperation-gp', 'lup-maternity-transition')) AND ("note" IS NULL))
  GROUP BY "indicator", "period"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('note=', "note") AS "cell",
    SUM("units") AS "numerator",
    0 AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita', 'prevention-referrals', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24', 'smoke-free-6m', 'smoke-free-6m-itt', 'smoking-reach-short-education', 'lup-cooperation-school', 'lup-cooperation-social', 'lup-cooperation-gp', 'lup-maternity-transition')) AND ("note" IS NOT NULL))
  GROUP BY "indicator", "period", "note"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('education=', "education") AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'discharges-outside-daytime', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24', 'smoke-free-6m', 'smoke-free-6m-itt', 'lup-cooperation-school', 'lup-cooperation-social', 'lup-cooperation-gp', 'lup-maternity-transition')) AND ("note" IS NULL) AND ("education" IS NOT NULL))
  GROUP BY "indicator", "period", "education"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('follow_up_end=', CAST(MAX("follow_up_end") AS VARCHAR)) AS "cell",
    0 AS "numerator",
    0 AS "denominator",
    0 AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24')) AND ("note" IS NULL) AND ("follow_up_end" IS NOT NULL))
  GROUP BY "indicator", "period"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('esp2013=', CAST("esp2013" AS VARCHAR)) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days')) AND ("note" IS NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "esp2013"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('esp2013=', CAST("esp2013" AS VARCHAR), ';events=', CAST("events" AS VARCHAR)) AS "cell",
    COUNT(*) AS "numerator",
    0 AS "denominator",
    COUNT(*) AS "units"
  FROM "persons_total_5" AS "x"
  WHERE ("events" > 0)
  GROUP BY "indicator", "period", "esp2013", "events"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CAST(NULL AS VARCHAR) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita', 'prevention-referrals', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24', 'smoke-free-6m', 'smoke-free-6m-itt', 'smoking-reach-short-education')) AND ("note" IS NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('note=', "note") AS "cell",
    SUM("units") AS "numerator",
    0 AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'discharges-outside-daytime', 'cost-per-capita', 'cofinancing-per-capita', 'prevention-referrals', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24', 'smoke-free-6m', 'smoke-free-6m-itt', 'smoking-reach-short-education')) AND ("note" IS NOT NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "note"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('education=', "education") AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('readmission-30d', 'preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days', 'discharges-outside-daytime', 'rehab-contact-3-workdays', 'rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24', 'smoke-free-6m', 'smoke-free-6m-itt')) AND ("note" IS NULL) AND ("education" IS NOT NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "education"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('follow_up_end=', CAST(MAX("follow_up_end") AS VARCHAR)) AS "cell",
    0 AS "numerator",
    0 AS "denominator",
    0 AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24')) AND ("note" IS NULL) AND ("follow_up_end" IS NOT NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('esp2013=', CAST("esp2013" AS VARCHAR)) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('preventable-admissions-65', 'acute-short-admissions', 'ready-for-discharge-days')) AND ("note" IS NULL) AND ("esp2013" IS NOT NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "esp2013"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('esp2013=', CAST("esp2013" AS VARCHAR), ';events=', CAST("events" AS VARCHAR)) AS "cell",
    COUNT(*) AS "numerator",
    0 AS "denominator",
    COUNT(*) AS "units"
  FROM "persons_group_11" AS "x"
  WHERE ("events" > 0)
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "esp2013", "events"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    "by_patient_type" AS "patient_type",
    CAST(NULL AS VARCHAR) AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('lup-cooperation-school', 'lup-cooperation-social', 'lup-cooperation-gp', 'lup-maternity-transition')) AND ("note" IS NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "by_patient_type"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    "by_patient_type" AS "patient_type",
    CONCAT('note=', "note") AS "cell",
    SUM("units") AS "numerator",
    0 AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('lup-cooperation-school', 'lup-cooperation-social', 'lup-cooperation-gp', 'lup-maternity-transition')) AND ("note" IS NOT NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "by_patient_type", "note"
  UNION ALL
  SELECT
    "indicator" AS "indicator",
    "period" AS "period",
    "by_cluster" AS "cluster",
    "by_sex" AS "sex",
    "by_patient_type" AS "patient_type",
    CONCAT('education=', "education") AS "cell",
    SUM("numerator") AS "numerator",
    SUM("denominator") AS "denominator",
    SUM("units") AS "units"
  FROM "cells" AS "x"
  WHERE (("indicator" IN ('lup-cooperation-school', 'lup-cooperation-social', 'lup-cooperation-gp', 'lup-maternity-transition')) AND ("note" IS NULL) AND ("education" IS NOT NULL))
  GROUP BY "indicator", "period", "by_cluster", "by_sex", "by_patient_type", "education"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'data_end=admissions' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_admissions" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MIN("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'first_event=admissions' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_admissions" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'last_event=admissions' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_admissions" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'data_end=referrals' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_referrals" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MIN("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'first_event=referrals' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "event_days_referrals" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'last_event=referrals' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "event_days_referrals" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'data_end=smoking' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_smoking" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MIN("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'first_event=smoking' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_smoking" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'last_event=smoking' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_smoking" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'data_end=lup' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_lup" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MIN("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'first_event=lup' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_lup" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(MAX("day") AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'last_event=lup' AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "data_end_lup" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    CONCAT('profile=', "profile") AS "cell",
    NULL AS "numerator",
    NULL AS "denominator",
    NULL AS "units"
  FROM "profile" AS "x"
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=admissions.admission_type' AS "cell",
    "admission_type" AS "numerator",
    0 AS "denominator",
    "admission_type" AS "units"
  FROM "admissions_invalid" AS "x"
  WHERE ("admission_type" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=admissions.sector' AS "cell",
    "sector" AS "numerator",
    0 AS "denominator",
    "sector" AS "units"
  FROM "admissions_invalid" AS "x"
  WHERE ("sector" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=admissions.sex' AS "cell",
    "sex" AS "numerator",
    0 AS "denominator",
    "sex" AS "units"
  FROM "admissions_invalid" AS "x"
  WHERE ("sex" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=admissions.education' AS "cell",
    "education" AS "numerator",
    0 AS "denominator",
    "education" AS "units"
  FROM "admissions_invalid" AS "x"
  WHERE ("education" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=admissions.discharge_status' AS "cell",
    "discharge_status" AS "numerator",
    0 AS "denominator",
    "discharge_status" AS "units"
  FROM "admissions_invalid" AS "x"
  WHERE ("discharge_status" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=referrals.sender' AS "cell",
    "sender" AS "numerator",
    0 AS "denominator",
    "sender" AS "units"
  FROM "referrals_invalid" AS "x"
  WHERE ("sender" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=referrals.offer' AS "cell",
    "offer" AS "numerator",
    0 AS "denominator",
    "offer" AS "units"
  FROM "referrals_invalid" AS "x"
  WHERE ("offer" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=referrals.sex' AS "cell",
    "sex" AS "numerator",
    0 AS "denominator",
    "sex" AS "units"
  FROM "referrals_invalid" AS "x"
  WHERE ("sex" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=referrals.education' AS "cell",
    "education" AS "numerator",
    0 AS "denominator",
    "education" AS "units"
  FROM "referrals_invalid" AS "x"
  WHERE ("education" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=smoking.completed' AS "cell",
    "completed" AS "numerator",
    0 AS "denominator",
    "completed" AS "units"
  FROM "smoking_invalid" AS "x"
  WHERE ("completed" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=smoking.followup_6m' AS "cell",
    "followup_6m" AS "numerator",
    0 AS "denominator",
    "followup_6m" AS "units"
  FROM "smoking_invalid" AS "x"
  WHERE ("followup_6m" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=smoking.sex' AS "cell",
    "sex" AS "numerator",
    0 AS "denominator",
    "sex" AS "units"
  FROM "smoking_invalid" AS "x"
  WHERE ("sex" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=smoking.education' AS "cell",
    "education" AS "numerator",
    0 AS "denominator",
    "education" AS "units"
  FROM "smoking_invalid" AS "x"
  WHERE ("education" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=lup.patient_type' AS "cell",
    "patient_type" AS "numerator",
    0 AS "denominator",
    "patient_type" AS "units"
  FROM "lup_invalid" AS "x"
  WHERE ("patient_type" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=lup.answer' AS "cell",
    "answer" AS "numerator",
    0 AS "denominator",
    "answer" AS "units"
  FROM "lup_invalid" AS "x"
  WHERE ("answer" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=lup.sex' AS "cell",
    "sex" AS "numerator",
    0 AS "denominator",
    "sex" AS "units"
  FROM "lup_invalid" AS "x"
  WHERE ("sex" > 0)
  UNION ALL
  SELECT
    CAST(NULL AS VARCHAR) AS "indicator",
    CAST(NULL AS VARCHAR) AS "period",
    CAST(NULL AS VARCHAR) AS "cluster",
    CAST(NULL AS VARCHAR) AS "sex",
    CAST(NULL AS VARCHAR) AS "patient_type",
    'invalid=lup.education' AS "cell",
    "education" AS "numerator",
    0 AS "denominator",
    "education" AS "units"
  FROM "lup_invalid" AS "x"
  WHERE ("education" > 0)
)
SELECT "indicator", "period", "cluster", "sex", "patient_type", "cell", "numerator", "denominator", "units"
FROM "counts"
ORDER BY "indicator", "period", "cell", "cluster", "sex", "patient_type";
