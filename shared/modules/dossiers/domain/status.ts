/**
 * Dossier statuses, each with its code on the National Public Service Portal and whether it is
 * final. The order of this object is the order the API documents them in.
 */
export const DossierStatuses = {
  RECEIVED: { nationalPortalCode: 2, terminal: false },
  AWAITING_PAYMENT: { nationalPortalCode: 6, terminal: false },
  PROCESSING: { nationalPortalCode: 4, terminal: false },
  SUPPLEMENT_REQUESTED: { nationalPortalCode: 5, terminal: false },
  RESULT_READY: { nationalPortalCode: 9, terminal: false },
  RESULT_RETURNED: { nationalPortalCode: 10, terminal: true },
  REJECTED: { nationalPortalCode: 3, terminal: true },
  WITHDRAWN: { nationalPortalCode: 7, terminal: true },
  STOPPED: { nationalPortalCode: 8, terminal: true },
} as const;

export type DossierStatus = keyof typeof DossierStatuses;

export const DOSSIER_STATUSES = Object.keys(DossierStatuses) as [DossierStatus, ...DossierStatus[]];

export function nationalPortalCode(status: DossierStatus): number {
  return DossierStatuses[status].nationalPortalCode;
}
