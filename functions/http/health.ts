import { healthOperation } from '../../shared/app/system/operations';
import { httpRoute } from '../../shared/platform/http/route';
import { serviceVersion } from '../../shared/platform/config/version';

export const handler = httpRoute(healthOperation, () => ({
  statusCode: 200,
  body: { status: 'ok', service: 'toantrinh', version: serviceVersion(), time: new Date().toISOString() },
}));
