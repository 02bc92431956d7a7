import type { Carrier } from '../carrier';
import { VnPostClient } from './client';
import { loadVnPostSettings, VnPostSecrets, VnPostSettingNames } from './settings';
import { VNPOST_CODES } from './status-codes';

/** VNPost (Bưu điện Việt Nam), the public postal service: the carrier of results today. */
export const vnpost: Carrier = {
  name: 'vnpost',
  statusCodes: VNPOST_CODES,
  settings: VnPostSettingNames,
  secrets: VnPostSecrets,
  async postalService(source) {
    const { apiUrl, username, password } = await loadVnPostSettings(source);
    return new VnPostClient({ baseUrl: apiUrl, username, password, codes: VNPOST_CODES });
  },
};
