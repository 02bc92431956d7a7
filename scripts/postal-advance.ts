/**
 * `npm run postal:advance -- <trackingNumber> <STATUS|all> [reason]`: moves a parcel in the local
 * runtime's sandbox post office, which posts the signed webhook to the API (as its page's buttons do).
 */
import { readRuntimeInfo } from '../local/runtime-info';

const [trackingNumber, status, reason] = process.argv.slice(2);
if (!trackingNumber || !status) {
  console.error('usage: npm run postal:advance -- <trackingNumber> <PICKED_UP|IN_TRANSIT|OUT_FOR_DELIVERY|DELIVERED|ATTEMPT_FAILED|RETURNED_TO_AGENCY|all> [reason]');
  process.exit(2);
}
const { baseUrl } = readRuntimeInfo(process.env.DATA_DIR ?? '.local/data');
const path = status === 'all' ? 'advance-all' : 'advance';
const response = await fetch(`${baseUrl}/sandbox/postal/orders/${encodeURIComponent(trackingNumber)}/${path}`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(status === 'all' ? {} : { status, ...(reason ? { reason } : {}) }),
});
console.log(response.status, await response.text());
process.exitCode = response.ok ? 0 : 1;
