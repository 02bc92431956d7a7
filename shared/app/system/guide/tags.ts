import type { TagDefinition } from '../../../platform/api/openapi';

/**
 * The reference's sections (one per operation tag) in the order of the guide, each named and
 * described in Vietnamese and English. A unit test checks that every tag an operation or a webhook
 * carries is here.
 */
export const API_TAGS: readonly TagDefinition[] = [
  { name: 'system', displayName: 'System · Hệ thống', description: 'Liveness and this reference. · Tình trạng dịch vụ và tài liệu này.' },
  { name: 'catalogue', displayName: 'Procedures · Thủ tục', description: 'Procedures, their fee rules and the `inputs` they need. · Thủ tục hành chính, quy định thu phí và các `inputs` cần khai.' },
  { name: 'fees', displayName: 'Fee quote · Báo giá phí, lệ phí', description: 'An itemised quote by the schedule in force. · Báo giá từng khoản theo biểu phí có hiệu lực.' },
  { name: 'dossiers', displayName: 'Dossiers · Hồ sơ', description: 'Registration, status, lists and results. · Đăng ký, trạng thái, danh sách và kết quả hồ sơ.' },
  { name: 'payments', displayName: 'Payments · Thanh toán', description: 'Paying one dossier or several at once. · Thanh toán một hoặc nhiều hồ sơ một lần.' },
  { name: 'webhooks', displayName: 'Status pushes · Thông báo trạng thái', description: 'The signed pushes the portal receives, and their delivery log. · Thông báo có ký gửi tới cổng và nhật ký gửi.' },
  { name: 'addresses', displayName: 'Addresses · Địa chỉ', description: 'The official provinces and communes (since 2025-07-01). · Danh mục tỉnh, xã chính thức (từ 01/7/2025).' },
  { name: 'delivery', displayName: 'Postal return · Trả kết quả qua bưu chính', description: 'Return of the result by the public postal service. · Trả kết quả qua dịch vụ bưu chính công ích.' },
  { name: 'receipts', displayName: 'Receipts · Biên lai', description: 'The e-receipts of a dossier. · Biên lai điện tử của hồ sơ.' },
  { name: 'notifications', displayName: 'Notices · Thông báo cho công dân', description: 'Zalo, SMS and e-mail notices to the citizen. · Thông báo qua Zalo, SMS và thư điện tử.' },
  { name: 'finance', displayName: 'Refunds and finance · Hoàn tiền và tài chính', description: 'Refunds, exceptions and daily totals (agency). · Hoàn tiền, sai lệch và số tổng trong ngày (cơ quan).' },
  { name: 'reports', displayName: 'Reports · Báo cáo', description: 'KPIs and targets without personal data. · Chỉ số và chỉ tiêu, không có dữ liệu cá nhân.' },
  { name: 'callbacks', displayName: 'Partner callbacks · Lời gọi của đối tác', description: 'Called by payment providers, the post office and Zalo, never by the portal. · Do đơn vị thanh toán, bưu điện và Zalo gọi, cổng không gọi.' },
];
