import type { GuideText } from './sections';
import {
  errorTableLink, LOCAL, maxBasket, op, paymentOutcomes, providers, retrySchedule, signatureExample as sig, statusTable, toleranceSeconds, VERIFY_SNIPPET,
  webhookLink, webhookTimeoutSeconds,
} from './facts';

/** Hướng dẫn tích hợp bằng tiếng Việt: các bước một cổng dịch vụ công thực hiện, kèm liên kết tới từng thao tác. */
export const VIETNAMESE: GuideText = {
  title: 'Hướng dẫn tích hợp · Tiếng Việt',
  intro: `Từ báo giá phí, lệ phí đến khi kết quả tới tận tay công dân: các lời gọi mà cổng dịch vụ công thực hiện, theo thứ tự.
Mỗi lời gọi nêu ở đây liên kết tới mục của nó trong tài liệu này, có ví dụ yêu cầu, ví dụ phản hồi và các mã lỗi
có thể trả về (${errorTableLink('bảng mã lỗi')}). Tên trường, mã và giá trị trong API giữ nguyên tiếng Anh.`,
  sections: {
    start: {
      heading: '1. Trước khi bắt đầu',
      body: `- Địa chỉ gốc là máy chủ (server) của tài liệu này. ${op('getOpenApiDocument')} là tài liệu này ở dạng OpenAPI 3.1
  (dùng để sinh mã client), ${op('getApiDocs')} là trang này, ${op('getHealth')} cho biết dịch vụ đang hoạt động.
- Trường JSON viết kiểu camelCase; số tiền là số nguyên VND; thời gian theo ISO-8601 giờ UTC (\`2026-11-21T02:15:04Z\`
  là 09:15:04 giờ Việt Nam).
- Gửi \`Accept-Language: vi\` để nhận thông báo lỗi bằng tiếng Việt; hãy xử lý theo \`code\` của lỗi, mã này không bao giờ đổi.
- Trình duyệt được gọi API (CORS) từ các origin của cổng đã cấu hình cho hệ thống; đó cũng là các origin duy nhất mà
  giao dịch thanh toán được phép quay về.
- Nếu có, gửi \`X-Correlation-Id\`: giá trị được trả lại trong phản hồi và ghi vào mọi dòng nhật ký của yêu cầu đó.`,
    },
    auth: {
      heading: '2. Xác thực và vai trò',
      body: `Lời gọi của công dân và của cơ quan mang \`Authorization: Bearer <JWT>\` do hệ thống định danh của cổng cấp.
Bộ xác thực JWT của API Gateway kiểm tra bên phát hành (issuer), đối tượng (audience), hạn dùng và chữ ký **trước khi**
hàm nào chạy: thiếu token, token sai hoặc hết hạn thì chính API Gateway trả \`401\` với nội dung \`{"message":"Unauthorized"}\`
(kèm tiêu đề \`WWW-Authenticate\`), không theo dạng lỗi của API này.

| vai trò | claim trong token | được phép |
|---|---|---|
| công dân | \`sub\` = số định danh cá nhân 12 chữ số | báo giá, thanh toán, đăng ký trả kết quả qua bưu chính, xem hồ sơ, giao dịch, biên lai **của mình** (hồ sơ của người khác trả 404) |
| cơ quan | \`scope\` chứa \`agency\`, claim \`agency\` = mã cơ quan | đăng ký hồ sơ và kết quả, xem hồ sơ **của cơ quan mình**, danh sách việc cần xử lý, nhật ký webhook, hoàn tiền, tài chính |
| thành phố | \`scope\` chứa \`city\` | báo cáo chỉ số của mọi cơ quan, giao chỉ tiêu |

Token hợp lệ nhưng không mang vai trò nào trả \`401 UNAUTHORIZED\` theo dạng lỗi của API; vai trò không phù hợp với thao tác
trả \`403 FORBIDDEN\`. Lời gọi lại (callback) của đơn vị thanh toán và bưu điện không dùng JWT: chữ ký của chúng xác thực chúng.`,
    },
    quote: {
      heading: '3. Hiển thị thủ tục và báo giá phí, lệ phí',
      body: `${op('listProcedures')} liệt kê các thủ tục hành chính kèm quy định thu phí, lệ phí đang có hiệu lực; ${op('getProcedure')}
cho biết một thủ tục có nộp trực tuyến, có trả kết quả qua bưu chính được không, và các \`inputs\` mà việc tính phí cần,
mỗi trường kèm ý nghĩa bằng tiếng Việt và tiếng Anh (ví dụ \`pages\` số trang, \`copies\` số bản). Chỉ hỏi công dân đúng các thông tin đó.

${op('quoteFees')} (công khai) tính từng khoản: \`{procedureCode, channel, inputs, submittedAt?, beneficiary?, delivery?}\`
→ \`{items[{kind: fee | charge | postage, code, label, amount, basis, legalBasis}], reductions[], total, currency, scheduleVersion}\`
(\`fee\` là phí, \`charge\` là lệ phí, \`postage\` là cước bưu chính). Áp dụng biểu phí có hiệu lực vào ngày nộp hồ sơ;
\`beneficiary\` (đối tượng và số hiệu giấy tờ chứng minh) áp dụng miễn, giảm; \`delivery.provinceCode\` cộng cước trả kết
quả qua bưu chính. Thiếu thông tin thì trả \`400 MISSING_INPUT\` nêu tên trường (\`details[].path\` = \`inputs.pages\`).`,
    },
    register: {
      heading: '4. Đăng ký hồ sơ',
      body: `Hệ thống của cơ quan (hệ thống một cửa, hoặc máy chủ của cổng thay mặt cơ quan, dùng token của cơ quan) đăng ký hồ sơ
theo số hồ sơ của mình: ${op('registerDossier')} với \`{procedureCode, agencyCode, channel, submittedAt,
applicant{citizenId, fullName, phone, email?}, inputs, beneficiary?}\`. Phí, lệ phí được tính một lần theo biểu phí của
ngày \`submittedAt\` và được chốt: hồ sơ trả về \`fees\` và \`amountDue\` (số tiền phải nộp).

Lời gọi này lũy đẳng: gửi lại cùng nội dung thì trả \`200\` với hồ sơ ở trạng thái hiện tại (cứ gửi lại khi quá thời gian chờ);
nội dung khác cho một số hồ sơ đã có thì trả \`409 DOSSIER_EXISTS\`. Hồ sơ có phí phải nộp ở trạng thái \`AWAITING_PAYMENT\`;
hồ sơ không phải nộp gì chuyển thẳng sang \`PROCESSING\`. \`applicant.citizenId\` là công dân có token được xem và thanh toán hồ sơ.`,
    },
    pay: {
      heading: '5. Tạo giao dịch thanh toán',
      body: `Công dân thanh toán bằng token của mình. Mọi lời gọi thanh toán cần tiêu đề \`Idempotency-Key\` (1–255 ký tự in được;
mỗi lần bấm "Thanh toán" một khóa mới, gửi lại đúng yêu cầu đó thì dùng lại khóa cũ): cùng khóa và cùng nội dung thì nhận lại
đúng phản hồi cũ trong ít nhất 24 giờ; cùng khóa mà nội dung khác thì trả \`409 IDEMPOTENCY_KEY_REUSED\`.

- Một hồ sơ: ${op('createPayment')} với \`{provider, returnUrl}\`.
- Nhiều hồ sơ của cùng công dân, cùng một cơ quan, trong một lần (1–${maxBasket} hồ sơ, mỗi hồ sơ một lần):
  ${op('createBasketPayment')} với \`{dossierNos[], provider, returnUrl}\`. Một lần xác nhận thanh toán cho tất cả hồ sơ,
  mỗi hồ sơ theo phần của nó trong \`shares\`, hoặc không hồ sơ nào. Nền tảng thanh toán quốc gia chỉ nhận một hồ sơ mỗi giao
  dịch và từ chối thanh toán gộp (\`400\` nêu \`provider\`).

\`provider\` là một trong ${providers}:

| provider | phản hồi có | cổng làm gì |
|---|---|---|
| \`vnpay\` | \`redirectUrl\` | chuyển trình duyệt tới đó (trang cổng thanh toán VNPay) |
| \`national_platform\` | \`redirectUrl\` | chuyển trình duyệt tới đó (trang thanh toán của Cổng Dịch vụ công quốc gia) |
| \`vietqr\` | \`qr{payload, bankBin, accountNo, accountName, memo}\` | vẽ \`payload\` thành mã QR, hiển thị số tài khoản và \`memo\` (nội dung chuyển khoản) để công dân dùng ứng dụng ngân hàng |

\`returnUrl\` phải là URL \`https\` đầy đủ thuộc một origin của cổng đã cấu hình (\`http\` chỉ dùng cho \`localhost\`/\`127.0.0.1\`),
không chứa tên người dùng hay mật khẩu; nếu không sẽ trả \`400\` nêu \`returnUrl\`. Phản hồi là \`201\` với \`status: "pending"\` và
\`expiresAt\` (hạn thanh toán); trong khi giao dịch còn chờ, gọi lại sẽ nhận lại chính giao dịch đó (\`200\`) chứ không tạo giao
dịch thứ hai. \`409 NOT_AWAITING_PAYMENT\` hoặc \`NOTHING_DUE\`: hồ sơ hiện không có khoản nào phải nộp.`,
    },
    return: {
      heading: '6. Công dân quay lại cổng',
      body: `- VNPay đưa trình duyệt về ${op('vnpayReturn')} của hệ thống; lời gọi này kiểm tra chữ ký, không thay đổi gì và chuyển hướng
  (\`302\`) tới \`returnUrl\` của bạn, thêm \`paymentId\` và \`status\`.
- Nền tảng thanh toán quốc gia đưa trình duyệt về \`returnUrl\` của bạn, thêm \`paymentId\`.
- Với VietQR, công dân ở lại trang của bạn trong lúc chuyển khoản bằng ứng dụng ngân hàng.

Tham số trên URL chỉ để tham khảo: kết quả đúng là ${op('getPayment')} (token của công dân). Xác nhận của đơn vị thanh toán có
thể đến sau trình duyệt vài giây: khi còn \`pending\`, hỏi lại sau mỗi vài giây, hoặc chờ thông báo trạng thái ở bước 8.
Giao dịch kết thúc ở một trong các trạng thái ${paymentOutcomes}; \`failed\` (không thành công), \`cancelled\` (đã hủy) và
\`expired\` (hết hạn) để hồ sơ có thể thanh toán lại (tạo giao dịch mới với khóa mới).`,
    },
    status: {
      heading: '7. Theo dõi hồ sơ: đọc và hỏi định kỳ',
      body: `${op('getDossier')} (công dân xem hồ sơ của mình, cơ quan xem hồ sơ của cơ quan) trả \`status\`, \`nationalPortalStatus\`,
\`fees\`, \`amountDue\`, \`payments[]\`, \`delivery\`, việc hoàn thành toàn trình (\`level4\`) và \`timeline\` (diễn biến). Thanh toán
thành công đưa hồ sơ từ \`AWAITING_PAYMENT\` sang \`PROCESSING\` trong vài giây (qua hàng đợi).

Danh sách \`{items, nextCursor}\`, hồ sơ nộp sau đứng trước: ${op('listMyDossiers')} (của công dân) và
${op('listAgencyDossiers')} lọc theo \`status\`, \`from\`, \`to\` (việc cần xử lý của cơ quan). Gửi lại \`nextCursor\` vào
\`cursor\` với cùng bộ lọc để lấy trang sau.

${statusTable('vi')}

Hỏi định kỳ vẫn dùng được, nhưng thông báo trạng thái ở bước sau cho biết ngay và không tốn lời gọi nào.`,
    },
    webhooks: {
      heading: '8. Thông báo trạng thái (webhook có ký)',
      body: `Mỗi khi trạng thái hồ sơ thay đổi và mỗi khi một giao dịch thanh toán có kết quả, hệ thống gửi \`POST\` một sự kiện JSON
tới URL đã cấu hình của cổng: ${webhookLink('thông báo trạng thái trong tài liệu này')} (loại \`dossier.status_changed\`
hoặc \`payment.status_changed\`, với \`dossierNo\`, \`sequence\`, \`status\`, \`previousStatus\`, \`payment?\`). Không gửi dữ liệu cá nhân.

1. **Kiểm tra chữ ký** \`X-Signature: t=<giây unix>,v1=<hex>[,v1=<hex>]\` trên **đúng các byte nhận được** của nội dung,
   trước khi phân tích JSON: mỗi \`v1\` là HMAC-SHA256 của \`<t>.<nội dung thô>\` với một khóa bí mật đang dùng. Chấp nhận khi
   có \`v1\` khớp với một khóa bạn giữ (so sánh constant-time, không dừng sớm ở byte khác đầu tiên) và \`t\` lệch đồng hồ của bạn không quá ${toleranceSeconds} giây;
   ngược lại trả \`401\`.
2. **Đổi khóa**: trong lúc đổi khóa, hệ thống ký bằng cả hai khóa (hai \`v1\`): nhận khóa mới là dùng ngay, giữ khóa cũ cho tới khi
   hệ thống thôi dùng. Khóa nào cũng xác minh được; không mất thông báo nào.
3. **Chống trùng** theo \`X-Webhook-Id\` (= \`id\` của sự kiện, giữ nguyên qua các lần gửi lại); \`X-Webhook-Attempt\` là lần gửi thứ mấy.
4. **Thứ tự**: các lần gửi lại có thể đến lệch thứ tự. Với mỗi hồ sơ, giữ \`sequence\` lớn nhất đã áp dụng và bỏ qua sự kiện có
   \`sequence\` nhỏ hơn hoặc bằng (hoặc đọc lại ${op('getDossier')} khi không chắc).
5. **Trả lời** bất kỳ mã \`2xx\` nào trong ${webhookTimeoutSeconds} giây rồi mới xử lý. Mọi phản hồi khác, chuyển hướng hoặc không trả lời
   sẽ được gửi lại sau ${retrySchedule('vi')}, rồi dừng. Cơ quan xem mọi lần gửi bằng ${op('listWebhookDeliveries')}.

\`\`\`js
${VERIFY_SNIPPET}
\`\`\`

Thử bộ kiểm tra của bạn với ví dụ này (khóa \`${sig.secrets[0]}\` và \`${sig.secrets[1]}\`, thời điểm hiện tại = \`t\` = ${sig.timestamp}):
tiêu đề dưới đây trên đúng các byte nội dung bên dưới xác minh được với riêng từng khóa, và không còn đúng khi đổi dù một byte.

\`\`\`text
X-Signature: ${sig.header}
\`\`\`

\`\`\`json
${sig.rawBody}
\`\`\``,
    },
    postal: {
      heading: '9. Trả kết quả qua dịch vụ bưu chính công ích',
      body: `Dựng ô chọn địa chỉ từ danh mục đơn vị hành chính chính thức (34 tỉnh, thành phố từ 01/7/2025, không còn cấp huyện):
${op('listProvinces')} và ${op('listCommunes')}, công khai, lưu đệm được một ngày (gửi lại \`ETag\` trong \`If-None-Match\`: \`304\`).

Công dân chọn nhận kết quả qua bưu chính bằng ${op('registerDelivery')}: \`{recipient{fullName, phone}, address{provinceCode,
communeCode, street}, postagePayer: prepaid | on_delivery}\`; phản hồi báo \`postage\` (cước). Cước trả trước (\`prepaid\`) được cộng
vào \`amountDue\` của hồ sơ (thành một giao dịch riêng nếu phí, lệ phí đã nộp: làm lại bước 5); cước trả khi nhận (\`on_delivery\`)
trả cho bưu tá. \`422 POSTAL_RETURN_NOT_ALLOWED\`: thủ tục yêu cầu công dân nhận trực tiếp; \`409 CONFLICT\`: kết quả đã trả hoặc đã
đăng ký trả qua bưu chính. ${op('getDelivery')} cho biết trạng thái, mã bưu gửi và hành trình; mọi thay đổi trạng thái hồ sơ
cũng đến cổng qua thông báo trạng thái.`,
    },
    receipts: {
      heading: '10. Biên lai và thông báo cho công dân',
      body: `Sau khi thanh toán, biên lai điện tử được phát hành ngay sau đó, ở chế độ nền: ${op('listReceipts')} liệt kê số biên lai,
số tiền và \`pdfUrl\` (một biên lai phí, một biên lai lệ phí, trừ khi cơ quan dùng biên lai chung; cước bưu chính không có biên
lai). Hoàn tiền sinh thêm biên lai điều chỉnh; không biên lai nào bị xóa.

Công dân được báo từng bước qua Zalo, SMS hoặc thư điện tử: ${op('listNotifications')} là sổ thông báo của một hồ sơ,
${op('putNotificationPreferences')} để công dân tắt kênh không muốn nhận.`,
    },
    refunds: {
      heading: '11. Hoàn tiền',
      body: `Hoàn tiền do cơ quan thực hiện: ${op('requestRefund')} (cần \`Idempotency-Key\`) với \`{amount, reason, dossierNo?,
exceptionId?}\`; \`dossierNo\` bắt buộc với giao dịch thanh toán nhiều hồ sơ, mỗi hồ sơ hoàn trong phần của nó. Giao dịch VNPay
được hoàn qua API hoàn tiền của VNPay; giao dịch VietQR hoặc qua nền tảng thanh toán quốc gia không có API này, nên khoản hoàn
chờ cơ quan tự chuyển tiền rồi ghi nhận bằng ${op('confirmManualRefund')}. ${op('listRefunds')} cho biết các khoản đã hoàn và
số còn được hoàn (vượt quá thì trả \`409 REFUND_EXCEEDS_PAYMENT\`). Các khoản tiền cần xử lý (sai số tiền, thanh toán hai lần,
chuyển khoản không khớp hồ sơ) có ở ${op('listFinanceExceptions')} và được xử lý bằng ${op('resolveFinanceException')};
${op('financeSummary')} cho số tổng trong ngày.`,
    },
    agency: {
      heading: '12. Cơ quan: kết quả và báo cáo',
      body: `Khi có kết quả, cơ quan báo bằng ${op('markResultReady')} (\`{kind: electronic | paper, documentRef?, issuedAt}\`); kết quả
điện tử được trả ngay, kết quả giấy chờ bưu chính hoặc công dân nhận tại bộ phận một cửa (${op('markCollected')}).

Chỉ số không chứa dữ liệu cá nhân, theo cơ quan, theo cấp hoặc toàn thành phố: ${op('getKpiReport')}, dạng CSV
${op('getKpiReportCsv')}; vai trò thành phố giao chỉ tiêu bằng ${op('setAgencyTargets')}, nhận đề xuất chỉ tiêu bằng
${op('proposeTargets')} và có trang tổng hợp tại ${op('getKpiDashboard')}.`,
    },
    partners: {
      heading: '13. Các lời gọi của đối tác (cổng không gọi)',
      body: `Các đường dẫn này được đăng ký với đơn vị thanh toán, bưu điện và Zalo; cổng không bao giờ gọi chúng, nhưng chúng giải thích
điều gì làm hồ sơ thay đổi: ${op('vnpayIpn')} (IPN của VNPay), ${op('vnpayReturn')} (đường trình duyệt quay về),
${op('vietqrWebhook')} (chuyển khoản ngân hàng), ${op('nationalPlatformConfirm')} (Confirm của nền tảng thanh toán quốc gia),
${op('postalWebhook')} (hành trình bưu gửi) và ${op('zaloWebhook')} (thông báo đã đến máy). Mỗi lời gọi được xác minh bằng chữ ký riêng.`,
    },
    local: {
      heading: '14. Chạy thử trên máy của bạn',
      body: `\`npm ci && npm start\` chạy toàn bộ API cùng các đối tác giả lập tại ${LOCAL} (đổi cổng bằng \`PORT\`). Thông báo khi khởi
động in cách tạo token thử cho từng vai trò và một ví dụ đăng ký hồ sơ, thanh toán để dán vào terminal.

- ${LOCAL}/demo: một cổng mẫu đi hết các bước (báo giá → đăng ký → thanh toán → trang kết quả → trạng thái và thông báo);
  ${LOCAL}/demo/return là một \`returnUrl\` dùng được trên máy. Trên máy, giao dịch cũng được quay về
  \`http://localhost:5173\` hoặc \`http://127.0.0.1:5173\` (máy chủ phát triển của cổng).
- ${LOCAL}/sandbox/vnpay/pay (cổng thanh toán mà \`redirectUrl\` mở ra: thanh toán, thất bại hoặc hủy),
  ${LOCAL}/sandbox/vietqr (ngân hàng chuyển khoản theo mã QR), \`${LOCAL}/sandbox/national-platform/pay/<reference>\`
  (trang của nền tảng thanh toán quốc gia), ${LOCAL}/sandbox/postal (bưu điện: cho bưu gửi đi từng bước).
- ${LOCAL}/sandbox/portal-webhooks: một cổng nhận giả lập kiểm tra chữ ký thông báo trạng thái và hiển thị từng thông báo; có thể
  cho nó trả lỗi để xem việc gửi lại.
- \`${LOCAL}/sandbox/phone/<phone>\`: các thông báo một số điện thoại đã nhận; ${LOCAL}/docs: tài liệu này.`,
    },
  },
};
