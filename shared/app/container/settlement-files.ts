import type { SettlementFiles } from '../../modules/finance/ports';
import { DEFAULT_SETTLEMENT_KEY_PATTERN, S3SettlementFiles, UrlSettlementFiles } from '../../modules/finance/settlement-files';
import { createS3Client } from '../../platform/s3/client';
import { definePart } from './part';

/* Its own file: only the reconciliation carries the S3 client. */

export interface SettlementFilesMembers {
  /** The providers' day-T files: SETTLEMENT_BUCKET in AWS, else SETTLEMENT_FILE_URL_<PROVIDER> (the local sandbox bank). */
  readonly settlementFiles: SettlementFiles;
}

export const settlementFiles = /* @__PURE__ */ definePart<SettlementFilesMembers>()('settlementFiles', [], (_c, { settings, once }) => ({
  get settlementFiles() {
    return once('settlementFiles', () => {
      const bucket = settings.values.SETTLEMENT_BUCKET;
      if (!bucket) return new UrlSettlementFiles(settings.values);
      return new S3SettlementFiles(createS3Client(settings.aws), bucket, settings.values.SETTLEMENT_KEY_PATTERN || DEFAULT_SETTLEMENT_KEY_PATTERN);
    });
  },
}));
