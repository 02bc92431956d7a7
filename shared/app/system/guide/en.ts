import type { GuideText } from './sections';
import {
  errorTableLink, LOCAL, maxBasket, op, paymentOutcomes, providers, retrySchedule, signatureExample as sig, statusTable, toleranceSeconds, VERIFY_SNIPPET,
  webhookLink, webhookTimeoutSeconds,
} from './facts';

/** The integration guide in English: what a portal developer does, step by step, with links into the reference. */
export const ENGLISH: GuideText = {
  title: 'Integration guide · English',
  intro: `From a fee quote to the result at the citizen's door: the calls a public-service portal makes, in order.
Every call named here links to its entry in this reference, with request and answer examples and the
error codes it can return (${errorTableLink('the error table')}).`,
  sections: {
    start: {
      heading: '1. Before you start',
      body: `- The base URL is the server of this document. ${op('getOpenApiDocument')} is this reference as OpenAPI 3.1
  (generate a client from it), ${op('getApiDocs')} is this page, ${op('getHealth')} answers when the service is up.
- JSON fields are camelCase; money is an integer number of VND; times are ISO-8601 UTC (\`2026-11-21T02:15:04Z\`).
- Send \`Accept-Language: vi\` to get error messages in Vietnamese; program against the error \`code\`, which never changes.
- Browser calls are allowed (CORS) from the portal origins configured for the deployment; they are also the
  only origins a payment may return to.
- Send \`X-Correlation-Id\` if you have one: it is echoed in the answer and written on every log line of the request.`,
    },
    auth: {
      heading: '2. Authentication and roles',
      body: `Citizen and agency calls carry \`Authorization: Bearer <JWT>\` issued by the portal's identity provider.
API Gateway's JWT authorizer checks issuer, audience, expiry and signature **before** any function runs:
a missing, invalid or expired token is answered by API Gateway itself with \`401\` and the body
\`{"message":"Unauthorized"}\` (and a \`WWW-Authenticate\` header), not the error shape of this API.

| role | claims | may |
|---|---|---|
| citizen | \`sub\` = the 12-digit citizen id | quote, pay, choose postal return, read **own** dossiers, payments, receipts (another's dossier answers 404) |
| agency | \`scope\` contains \`agency\`, claim \`agency\` = the agency code | register dossiers and results, read **its own** dossiers, work queue, webhook log, refunds, finance |
| city | \`scope\` contains \`city\` | every agency's KPI reports, set targets |

A verified token whose claims name no role answers \`401 UNAUTHORIZED\` in the error shape; a role the operation
is not for answers \`403 FORBIDDEN\`. Callbacks from payment providers and the post office carry no JWT: their
signatures authenticate them.`,
    },
    quote: {
      heading: '3. Show the procedure and quote the fees',
      body: `${op('listProcedures')} lists the procedures with their fee rules in force today; ${op('getProcedure')}
gives one procedure, whether it can be submitted online and returned by post, and the \`inputs\` its fees read,
each with its meaning in Vietnamese and English (for example \`pages\`, \`copies\`). Ask the citizen for exactly those.

${op('quoteFees')} (public) itemises the amount: \`{procedureCode, channel, inputs, submittedAt?, beneficiary?, delivery?}\`
→ \`{items[{kind: fee | charge | postage, code, label, amount, basis, legalBasis}], reductions[], total, currency, scheduleVersion}\`.
The schedule in force on the submission date applies; \`beneficiary\` (a category and the reference of its evidence)
applies an exemption or reduction; \`delivery.provinceCode\` adds the postage of a postal return. A missing input
answers \`400 MISSING_INPUT\` naming it (\`details[].path\` = \`inputs.pages\`).`,
    },
    register: {
      heading: '4. Register the dossier',
      body: `The agency's system (the one-stop system, or the portal's server acting for the agency, with an agency token)
registers the dossier under its own number: ${op('registerDossier')} with \`{procedureCode, agencyCode, channel,
submittedAt, applicant{citizenId, fullName, phone, email?}, inputs, beneficiary?}\`. The fees are assessed once, by
the schedule of \`submittedAt\`, and locked: the dossier answers \`fees\` and \`amountDue\`.

It is idempotent: the same body again answers \`200\` with the dossier as it is now (retry freely after a timeout);
another body under an existing number answers \`409 DOSSIER_EXISTS\`. A dossier with fees to pay is
\`AWAITING_PAYMENT\`; one with nothing to pay goes straight to \`PROCESSING\`. \`applicant.citizenId\` is the citizen whose
token may then read and pay it.`,
    },
    pay: {
      heading: '5. Create the payment',
      body: `The citizen pays with their own token. Every payment call needs an \`Idempotency-Key\` header (1–255 printable
characters; one new key per click on "Pay", the same key when you retry that request): the same key and body answer
the same response for at least 24 hours; the same key with another body answers \`409 IDEMPOTENCY_KEY_REUSED\`.

- One dossier: ${op('createPayment')} with \`{provider, returnUrl}\`.
- Several dossiers of the citizen, of one agency, at once (1–${maxBasket}, each listed once): ${op('createBasketPayment')}
  with \`{dossierNos[], provider, returnUrl}\`. One confirmation settles every dossier, each for its \`shares\` entry, or none.
  The national payment platform describes one dossier per payment and refuses a basket (\`400\` naming \`provider\`).

\`provider\` is one of ${providers}:

| provider | the answer carries | what the portal does |
|---|---|---|
| \`vnpay\` | \`redirectUrl\` | sends the browser there (the VNPay gateway page) |
| \`national_platform\` | \`redirectUrl\` | sends the browser there (the payment page of the National Public Service Portal) |
| \`vietqr\` | \`qr{payload, bankBin, accountNo, accountName, memo}\` | draws \`payload\` as a QR code and shows account and \`memo\` (the transfer content) for a bank app |

\`returnUrl\` must be an absolute \`https\` URL on one of the deployment's portal origins (plain \`http\` only for
\`localhost\`/\`127.0.0.1\`), without user name or password; anything else answers \`400\` naming \`returnUrl\`.
The answer is \`201\` with \`status: "pending"\` and \`expiresAt\`; while that payment is pending, the same call
answers it again (\`200\`) rather than starting a second one. \`409 NOT_AWAITING_PAYMENT\` or \`NOTHING_DUE\`: the dossier
has nothing to pay now.`,
    },
    return: {
      heading: '6. The citizen comes back',
      body: `- VNPay sends the browser to our ${op('vnpayReturn')}, which verifies the signature, changes nothing and redirects
  (\`302\`) to your \`returnUrl\` with \`paymentId\` and \`status\` added.
- The national payment platform sends the browser back to your \`returnUrl\` with \`paymentId\` added.
- With VietQR the citizen stays on your page while paying in their bank app.

The query string is only a hint: read the truth with ${op('getPayment')} (the citizen's token). The provider's
confirmation may arrive a few seconds after the browser: while it says \`pending\`, ask again every few seconds, or
wait for the status push of step 8. A payment ends as one of ${paymentOutcomes}; \`failed\`, \`cancelled\` and \`expired\`
leave the dossier payable again (create a new payment with a new key).`,
    },
    status: {
      heading: '7. Follow the dossier: reading and polling',
      body: `${op('getDossier')} (the citizen's own, or the agency's) gives \`status\`, \`nationalPortalStatus\`, \`fees\`,
\`amountDue\`, \`payments[]\`, \`delivery\`, the level-4 completion (\`level4\`) and the \`timeline\`. A succeeded payment
moves the dossier from \`AWAITING_PAYMENT\` to \`PROCESSING\` within seconds (it goes through a queue).

Lists, \`{items, nextCursor}\`, newest submission first: ${op('listMyDossiers')} (a citizen's own) and
${op('listAgencyDossiers')} with \`status\`, \`from\`, \`to\` (an agency's work queue). Pass \`nextCursor\` back as \`cursor\`
with the same filters.

${statusTable('en')}

Polling works, but the status push of the next step tells you at once and costs nothing.`,
    },
    webhooks: {
      heading: '8. Status pushes (signed webhooks)',
      body: `On every dossier status change and every payment outcome we \`POST\` a JSON event to the portal's configured URL:
${webhookLink('the status push in this reference')} (type \`dossier.status_changed\` or \`payment.status_changed\`, with
\`dossierNo\`, \`sequence\`, \`status\`, \`previousStatus\`, \`payment?\`). No personal data is sent.

1. **Verify** \`X-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]\` over the **raw bytes** of the body, before parsing:
   each \`v1\` is HMAC-SHA256 of \`<t>.<raw body>\` under one of our active secrets. Accept when any \`v1\` matches a
   secret you hold (constant-time compare) and \`t\` is within ${toleranceSeconds} s of your clock; answer \`401\` otherwise.
2. **Rotation**: while a secret rotates we sign with both (two \`v1\`): hold the new one as soon as you get it, keep the
   old one until we stop using it. Either one verifies; no push is lost.
3. **Deduplicate** by \`X-Webhook-Id\` (= the event's \`id\`, the same on every retry); \`X-Webhook-Attempt\` counts attempts.
4. **Order**: retries can overtake each other. Keep the highest \`sequence\` applied per dossier and drop an event at or
   below it (or read ${op('getDossier')} when in doubt).
5. **Answer** any \`2xx\` within ${webhookTimeoutSeconds} s, then do the work. Anything else, a redirect or no answer is
   retried after ${retrySchedule('en')}, then given up. The agency sees every attempt with ${op('listWebhookDeliveries')}.

\`\`\`js
${VERIFY_SNIPPET}
\`\`\`

Check your verifier with this example (secrets \`${sig.secrets[0]}\` and \`${sig.secrets[1]}\`, now = \`t\` = ${sig.timestamp}):
this header over exactly the body bytes below verifies with either secret alone, and fails once one byte changes.

\`\`\`text
X-Signature: ${sig.header}
\`\`\`

\`\`\`json
${sig.rawBody}
\`\`\``,
    },
    postal: {
      heading: '9. Return of the result by post',
      body: `Build the address picker from the official units (34 provinces since 2025-07-01, no districts):
${op('listProvinces')} and ${op('listCommunes')}, public and cacheable for a day (send the \`ETag\` back as
\`If-None-Match\`: \`304\`).

The citizen chooses postal return with ${op('registerDelivery')}: \`{recipient{fullName, phone}, address{provinceCode,
communeCode, street}, postagePayer: prepaid | on_delivery}\`; the answer quotes the \`postage\`. Prepaid postage is added to
the dossier's \`amountDue\` (a payment of its own when the fees were already paid: step 5 again); postage on delivery is paid
to the postman. \`422 POSTAL_RETURN_NOT_ALLOWED\`: the procedure needs the citizen in person; \`409 CONFLICT\`: the result
was already returned or a postal return is registered. ${op('getDelivery')} shows the status, tracking number and the
carrier's timeline; every move of the dossier also reaches you as a status push.`,
    },
    receipts: {
      heading: '10. Receipts and notices',
      body: `After payment the e-receipts (biên lai điện tử) are issued shortly, in the background: ${op('listReceipts')} lists them with
their number, amounts and \`pdfUrl\` (one for phí, one for lệ phí unless the agency issues one combined receipt; postage
gets none). A refund adds an adjusting receipt; nothing is removed.

The citizen is told of each step by Zalo, SMS or e-mail: ${op('listNotifications')} is the ledger of a dossier's notices,
${op('putNotificationPreferences')} lets the citizen turn channels off.`,
    },
    refunds: {
      heading: '11. Refunds',
      body: `Refunds are the agency's: ${op('requestRefund')} (\`Idempotency-Key\` required) with \`{amount, reason, dossierNo?,
exceptionId?}\`; \`dossierNo\` is required for a payment of several dossiers, each refunded within its share. A VNPay payment
is refunded through VNPay's refund API; a VietQR or national-platform payment has none, so the refund waits until the
agency transferred the money itself and records it with ${op('confirmManualRefund')}. ${op('listRefunds')} shows the
refunds and what remains refundable (\`409 REFUND_EXCEEDS_PAYMENT\` beyond it). Money needing attention (a wrong amount,
a second payment, an unmatched transfer) is listed by ${op('listFinanceExceptions')} and resolved with
${op('resolveFinanceException')}; ${op('financeSummary')} gives the day's totals.`,
    },
    agency: {
      heading: '12. The agency: results and reports',
      body: `When the result is ready the agency says so: ${op('markResultReady')} (\`{kind: electronic | paper, documentRef?, issuedAt}\`);
an electronic result is returned at once, a paper one waits for the post or the counter (${op('markCollected')}).

KPIs without personal data, per agency, level or the whole city: ${op('getKpiReport')}, the same as CSV
${op('getKpiReportCsv')}; the city role sets targets with ${op('setAgencyTargets')}, gets a proposal with
${op('proposeTargets')} and has a dashboard page at ${op('getKpiDashboard')}.`,
    },
    partners: {
      heading: '13. What the partners call (not the portal)',
      body: `These routes are registered with the payment providers, the post office and Zalo; the portal never calls them,
but they explain what moves a dossier: ${op('vnpayIpn')} (VNPay IPN), ${op('vnpayReturn')} (the browser's way back),
${op('vietqrWebhook')} (bank transfer), ${op('nationalPlatformConfirm')} (the national payment platform's Confirm),
${op('postalWebhook')} (parcel events) and ${op('zaloWebhook')} (notice delivery). Each is verified by its own signature.`,
    },
    local: {
      heading: '14. Try it on your machine',
      body: `\`npm ci && npm start\` runs the whole API with sandbox partners on ${LOCAL} (\`PORT\` to change it). Its start
banner prints how to mint local tokens for each role and a registration and payment to paste.

- ${LOCAL}/demo: a walkable portal (quote → register → pay → return page → status and notices);
  ${LOCAL}/demo/return is a \`returnUrl\` that works locally. Locally a payment may also return to
  \`http://localhost:5173\` or \`http://127.0.0.1:5173\` (a portal's dev server).
- ${LOCAL}/sandbox/vnpay/pay (the gateway a \`redirectUrl\` opens: pay, fail or cancel),
  ${LOCAL}/sandbox/vietqr (a bank that transfers to a QR), \`${LOCAL}/sandbox/national-platform/pay/<reference>\`
  (the national payment platform's page), ${LOCAL}/sandbox/postal (a post office: move parcels along).
- ${LOCAL}/sandbox/portal-webhooks: a portal receiver that verifies our status pushes and shows each one; it can be made
  to fail, to watch the retries.
- \`${LOCAL}/sandbox/phone/<phone>\`: the notices a phone received; ${LOCAL}/docs: this reference.`,
    },
  },
};
