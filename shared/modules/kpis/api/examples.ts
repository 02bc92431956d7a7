import type { OperationExamples } from '../../../platform/api/operation';
import { KPI_RATE_DEFINITIONS, KPI_RATES, type KpiRateKey } from '../domain/rates';
import type { KpiReport } from './schemas';

/** One week of a Hai Phong ward: 148 dossiers, most of them online. */
const counts = {
  dossiers: 148,
  submittedOnline: 121,
  withFees: 96,
  paidOnline: 71,
  postalReturnChosen: 38,
  delivered: 31,
  resultsReturned: 112,
  electronicResults: 44,
  resultSecondsTotal: 34_473_600,
  level4Completed: 52,
  nationalPortalSynced: 146,
};
const targets: Partial<Record<KpiRateKey, number>> = { onlineReceipt: 0.8, paidOnline: 0.7, level4: 0.5 };
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

const kpis = KPI_RATES.map((key) => {
  const { numerator, denominator, label } = KPI_RATE_DEFINITIONS[key];
  const rate = round4(counts[numerator] / counts[denominator]);
  const target = targets[key] ?? null;
  return { key, label, numerator: counts[numerator], denominator: counts[denominator], rate, target, gap: target === null ? null : round4(rate - target) };
});
const rateOf = (key: KpiRateKey) => kpis.find((k) => k.key === key)!.rate;
const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];

const report: KpiReport = {
  scope: 'agency',
  agencyCode: 'HP-PX',
  agencyName: 'UBND phường (Hải Phòng)',
  level: 'commune',
  period: { kind: 'week', id: '2026-W47', firstDay: '2026-11-16', lastDay: '2026-11-22', startsAt: '2026-11-15T17:00:00.000Z', endsAt: '2026-11-22T17:00:00.000Z' },
  counts,
  kpis,
  averageDaysToResult: 3.6,
  nationalPortal: { synced: 146, pending: 2 },
  rates: { onlineSubmissionRate: rateOf('onlineReceipt'), onlinePaymentRate: rateOf('paidOnline'), postalReturnRate: rateOf('postalReturn'), level4Rate: rateOf('level4') },
  trendGranularity: 'day',
  trend: days.map((bucket, i) => ({
    bucket,
    rates: Object.fromEntries(KPI_RATES.map((key) => [key, i >= 5 ? null : round4(Math.min(1, rateOf(key)! + (i - 2) * 0.01))])),
  })),
};

export const kpiReportExamples: OperationExamples = {
  request: { query: { agencyCode: 'HP-PX', week: '2026-W47' } },
  responses: { 200: report },
};

const csvHeader = '\uFEFFKỳ báo cáo,Từ ngày,Đến ngày,Mã đơn vị,Tên đơn vị,Cấp,Xếp hạng,Chỉ số,Tử số,Mẫu số,Tỷ lệ (%),Chỉ tiêu (%),Chênh lệch (điểm %),Số ngày trung bình đến khi trả kết quả';
export const kpiCsvExamples: OperationExamples = {
  request: { query: { agencyCode: 'HP-PX', month: '2026-11' } },
  responses: {
    200: [
      csvHeader,
      '2026-11,2026-11-01,2026-11-30,HP-PX,UBND phường (Hải Phòng),"Xã, phường",,Tiếp nhận trực tuyến,512,634,80.76,80,0.76,3.4',
      '2026-11,2026-11-01,2026-11-30,HP-PX,UBND phường (Hải Phòng),"Xã, phường",,Hoàn thành toàn trình,221,634,34.86,50,-15.14,3.4',
      '',
    ].join('\r\n'),
  },
};

const targetsBody = { onlineReceipt: 0.8, paidOnline: 0.7, level4: 0.5 };
export const setTargetsExamples: OperationExamples = {
  request: { params: { agencyCode: 'HP-PX', year: '2027' }, body: targetsBody },
  responses: { 200: { agencyCode: 'HP-PX', year: '2027', targets: targetsBody, updatedAt: '2026-12-15T02:10:00.000Z' } },
};

export const proposeTargetsExamples: OperationExamples = {
  request: { params: { year: '2027' }, body: { goals: { level4: 0.5 } } },
  responses: {
    200: {
      year: '2027',
      basedOn: '2026',
      goals: { level4: 0.5 },
      proposals: {
        level4: [
          { agencyCode: 'HP-STP', share: 0.62, actual: 0.41, target: 0.52 },
          { agencyCode: 'HP-PX', share: 0.38, actual: 0.35, target: 0.47 },
        ],
      },
    },
  },
};
