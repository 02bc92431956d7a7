import { listEnv, optionalEnv, type SettingValues } from '../../platform/config/env';

/**
 * Origins a payment's returnUrl may point at: the portal origins (CORS_ALLOWED_ORIGINS, from the
 * stack's portalOrigins), or PAYMENT_RETURN_ORIGINS where set (the local runtime adds its sandbox
 * portal page there). Its own file so that the browser-return function reads it without the
 * provider registry (and every provider's code) in its bundle.
 */
export function paymentReturnOrigins(values: SettingValues): readonly string[] {
  return listEnv('PAYMENT_RETURN_ORIGINS', values, optionalEnv('CORS_ALLOWED_ORIGINS', '', values));
}
