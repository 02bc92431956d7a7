import { pageOf } from '../../../platform/api/common';
import { ProcedureListQuerySchema, ProcedurePathSchema, ProcedureSchema } from './procedure';
import { defineOperation } from '../../../platform/api/operation';
import { getProcedureExamples, listProceduresExamples } from './examples';

export const listProceduresOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listProcedures',
  method: 'GET',
  path: '/v1/procedures',
  summary: 'Procedures of the catalogue with the fee rules in force today',
  tags: ['catalogue'],
  auth: 'public',
  request: { query: ProcedureListQuerySchema },
  responses: { 200: { description: 'A page of procedures', schema: pageOf(ProcedureSchema) } },
  examples: listProceduresExamples,
});

export const getProcedureOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getProcedure',
  method: 'GET',
  path: '/v1/procedures/{procedureCode}',
  summary: 'One procedure with its fee rules in force today',
  tags: ['catalogue'],
  auth: 'public',
  request: { params: ProcedurePathSchema },
  responses: { 200: { description: 'The procedure', schema: ProcedureSchema } },
  errors: ['NOT_FOUND'],
  examples: getProcedureExamples,
});
