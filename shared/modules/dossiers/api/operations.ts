import { CollectedRequestSchema, DossierPathSchema, DossierSchema, EventAcceptedSchema, RegisterDossierRequestSchema, ResultReadyRequestSchema } from './dossier';
import { defineOperation } from '../../../platform/api/operation';

export const registerDossierOperation = defineOperation({
  operationId: 'registerDossier',
  method: 'PUT',
  path: '/v1/dossiers/{dossierNo}',
  summary: 'Register a dossier (idempotent); fees are assessed and locked',
  description: 'The same body again answers 200 with the dossier as it is now; another body for an existing number answers 409.',
  tags: ['dossiers'],
  auth: 'agency',
  request: { params: DossierPathSchema, body: RegisterDossierRequestSchema },
  responses: { 201: { description: 'Registered', schema: DossierSchema }, 200: { description: 'Already registered with this body', schema: DossierSchema } },
  errors: [409, 413, 415, 422],
});

export const getDossierOperation = defineOperation({
  operationId: 'getDossier',
  method: 'GET',
  path: '/v1/dossiers/{dossierNo}',
  summary: 'Status, fees, amount due, payments, level-4 completion and timeline of a dossier',
  tags: ['dossiers'],
  auth: 'citizen_or_agency',
  request: { params: DossierPathSchema },
  responses: { 200: { description: 'The dossier', schema: DossierSchema } },
  errors: [404],
});

export const resultReadyOperation = defineOperation({
  operationId: 'markResultReady',
  method: 'POST',
  path: '/v1/dossiers/{dossierNo}/result',
  summary: 'The result is ready: electronic results are returned at once, paper ones wait for collection or delivery',
  tags: ['dossiers'],
  auth: 'agency',
  request: { params: DossierPathSchema, body: ResultReadyRequestSchema },
  responses: { 202: { description: 'Accepted; applied in order by the dossier queue', schema: EventAcceptedSchema } },
  errors: [404, 409],
});

export const collectedOperation = defineOperation({
  operationId: 'markCollected',
  method: 'POST',
  path: '/v1/dossiers/{dossierNo}/collected',
  summary: 'The paper result was collected at the counter',
  tags: ['dossiers'],
  auth: 'agency',
  request: { params: DossierPathSchema, body: CollectedRequestSchema },
  responses: { 202: { description: 'Accepted; applied in order by the dossier queue', schema: EventAcceptedSchema } },
  errors: [404, 409],
});
