import { CollectedRequestSchema, DossierPathSchema, DossierSchema, EventAcceptedSchema, ResultReadyRequestSchema } from './dossier';
import { RegisterDossierRequestSchema } from './registration';
import { defineOperation } from '../../../platform/api/operation';
import { AgencyDossiersPathSchema, AgencyDossiersQuerySchema, DossierPageSchema, MyDossiersQuerySchema } from './listing';
import { collectedExamples, getDossierExamples, listAgencyDossiersExamples, listMyDossiersExamples, registerDossierExamples, resultReadyExamples } from './examples';

export const registerDossierOperation = /* @__PURE__ */ defineOperation({
  operationId: 'registerDossier',
  method: 'PUT',
  path: '/v1/dossiers/{dossierNo}',
  summary: 'Register a dossier (idempotent); fees are assessed and locked',
  description: 'The same body again answers 200 with the dossier as it is now; another body for an existing number answers 409.',
  tags: ['dossiers'],
  auth: 'agency',
  request: { params: DossierPathSchema, body: RegisterDossierRequestSchema },
  responses: { 201: { description: 'Registered', schema: DossierSchema }, 200: { description: 'Already registered with this body', schema: DossierSchema } },
  errors: ['DOSSIER_EXISTS', 'UNKNOWN_PROCEDURE', 'CHANNEL_NOT_ALLOWED', 'NO_SCHEDULE_IN_FORCE', 'MISSING_INPUT', 'NO_RATE_FOR_INPUTS'],
  examples: registerDossierExamples,
});

export const getDossierOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getDossier',
  method: 'GET',
  path: '/v1/dossiers/{dossierNo}',
  summary: 'Status, fees, amount due, payments, level-4 completion and timeline of a dossier',
  tags: ['dossiers'],
  auth: 'citizen_or_agency',
  request: { params: DossierPathSchema },
  responses: { 200: { description: 'The dossier', schema: DossierSchema } },
  errors: ['NOT_FOUND'],
  examples: getDossierExamples,
});

export const resultReadyOperation = /* @__PURE__ */ defineOperation({
  operationId: 'markResultReady',
  method: 'POST',
  path: '/v1/dossiers/{dossierNo}/result',
  summary: 'The result is ready: electronic results are returned at once, paper ones wait for collection or delivery',
  tags: ['dossiers'],
  auth: 'agency',
  request: { params: DossierPathSchema, body: ResultReadyRequestSchema },
  responses: { 202: { description: 'Accepted; applied in order by the dossier queue', schema: EventAcceptedSchema } },
  errors: ['NOT_FOUND', 'CONFLICT'],
  examples: resultReadyExamples,
});

export const collectedOperation = /* @__PURE__ */ defineOperation({
  operationId: 'markCollected',
  method: 'POST',
  path: '/v1/dossiers/{dossierNo}/collected',
  summary: 'The paper result was collected at the counter',
  tags: ['dossiers'],
  auth: 'agency',
  request: { params: DossierPathSchema, body: CollectedRequestSchema },
  responses: { 202: { description: 'Accepted; applied in order by the dossier queue', schema: EventAcceptedSchema } },
  errors: ['NOT_FOUND', 'CONFLICT'],
  examples: collectedExamples,
});

export const listMyDossiersOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listMyDossiers',
  method: 'GET',
  path: '/v1/me/dossiers',
  summary: "The calling citizen's own dossiers, newest submission first, a page at a time",
  description:
    'Pass `nextCursor` back as `cursor` for the next page; it is absent on the last. Pages neither repeat nor skip a dossier while none changes. A cursor of another list or caller answers 400 naming `cursor`.',
  tags: ['dossiers'],
  auth: 'citizen',
  request: { query: MyDossiersQuerySchema },
  responses: { 200: { description: 'A page of summaries', schema: DossierPageSchema } },
  examples: listMyDossiersExamples,
});

export const listAgencyDossiersOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listAgencyDossiers',
  method: 'GET',
  path: '/v1/agencies/{agencyCode}/dossiers',
  summary: "An agency's work queue: its dossiers newest submission first, by status and submission window",
  description:
    'An agency reads its own (`agencyCode` = the token\'s agency, else 403); the city role reads any agency\'s. `status` and the window select without shortening pages. Pass `nextCursor` back as `cursor` with the same filters; a cursor of other filters or another agency answers 400 naming `cursor`.',
  tags: ['dossiers'],
  auth: 'agency_or_city',
  request: { params: AgencyDossiersPathSchema, query: AgencyDossiersQuerySchema },
  responses: { 200: { description: 'A page of summaries', schema: DossierPageSchema } },
  examples: listAgencyDossiersExamples,
});
