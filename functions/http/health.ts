import { healthOperation } from '../../shared/api/operations/system';
import { httpRoute } from '../../shared/http/route';
import { serviceVersion } from '../../shared/config/version';

export const handler = httpRoute(healthOperation, () => ({
  statusCode: 200,
  body: { status: 'ok', service: 'toantrinh', version: serviceVersion(), time: new Date().toISOString() },
}));
