import { defineOperation } from '../../../platform/api/operation';
import {
  AgencyTargetsSchema,
  KpiReportQuerySchema,
  KpiReportSchema,
  ProposalPathSchema,
  ProposalRequestSchema,
  TargetProposalSchema,
  TargetsPathSchema,
  TargetsSchema,
} from './schemas';
import { kpiCsvExamples, kpiReportExamples, proposeTargetsExamples, setTargetsExamples } from './examples';

export const kpiReportOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getKpiReport',
  method: 'GET',
  path: '/v1/reports/kpis',
  summary: 'KPI rates with their numerators, denominators and targets, for an agency, a level or the whole city, over a day, week, month, quarter or year',
  description:
    'An agency reads its own (`agencyCode` = its code); the city role reads any agency, a level, or the whole city (no `agencyCode`) with the agencies ranked, one page of the ranking at a time (`rankOffset`, `rankLimit` [20]; `rankingPage` says where it sits) so that the answer does not grow with the agencies; the CSV carries the whole ranking. Counts belong to the dossiers\' submission day in Viet Nam time. No personal data.',
  tags: ['reports'],
  auth: 'agency_or_city',
  request: { query: KpiReportQuerySchema },
  responses: { 200: { description: 'The report', schema: KpiReportSchema } },
  examples: kpiReportExamples,
});

export const kpiCsvOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getKpiReportCsv',
  method: 'GET',
  path: '/v1/reports/kpis.csv',
  summary: 'The same report as CSV (UTF-8 with BOM, so Excel shows Vietnamese), one row per unit and rate',
  tags: ['reports'],
  auth: 'agency_or_city',
  request: { query: KpiReportQuerySchema },
  responses: { 200: { description: 'The report as CSV', contentType: 'text/csv; charset=utf-8' } },
  examples: kpiCsvExamples,
});

export const setTargetsOperation = /* @__PURE__ */ defineOperation({
  operationId: 'setAgencyTargets',
  method: 'PUT',
  path: '/v1/agencies/{agencyCode}/targets/{year}',
  summary: "Sets an agency's targets (chỉ tiêu) for a year, replacing the ones set before (city role)",
  tags: ['reports'],
  auth: 'city',
  request: { params: TargetsPathSchema, body: TargetsSchema },
  responses: { 200: { description: 'The targets as saved', schema: AgencyTargetsSchema } },
  errors: ['NOT_FOUND'],
  examples: setTargetsExamples,
});

export const proposeTargetsOperation = /* @__PURE__ */ defineOperation({
  operationId: 'proposeTargets',
  method: 'POST',
  path: '/v1/targets/{year}/proposal',
  summary: "Proposes each agency's targets from city-wide goals, weighted by the agency's volume in the year before (saves nothing)",
  tags: ['reports'],
  auth: 'city',
  request: { params: ProposalPathSchema, body: ProposalRequestSchema },
  responses: { 200: { description: 'The proposal, to edit and then PUT per agency', schema: TargetProposalSchema } },
  examples: proposeTargetsExamples,
});

export const dashboardOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getKpiDashboard',
  method: 'GET',
  path: '/dashboard',
  summary: "The city's KPI dashboard (Vietnamese HTML page); it asks for the official's token and reads the KPI API with it",
  tags: ['reports'],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'The page', contentType: 'text/html; charset=utf-8' } },
});
