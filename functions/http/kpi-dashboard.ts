import { dashboardOperation } from '../../shared/modules/kpis/api/operations';
import { dashboardPage } from '../../shared/modules/kpis/dashboard/page';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

/** The page holds no data and no secret (the official types the token), so it is public and cacheable. */
export const makeHandler = (container: Deps) => {
  let page: ReturnType<typeof dashboardPage> | undefined;
  return httpRoute(dashboardOperation, () => {
    page ??= dashboardPage();
    return {
      statusCode: 200,
      body: page.html,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': page.contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'public, max-age=300',
      },
    };
  }, container.routeOptions);
};

export const handler = lazyHandler(makeHandler, parts);
