import { dashboardOperation } from '../../shared/modules/kpis/api/operations';
import { dashboardPage } from '../../shared/modules/kpis/dashboard/page';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { htmlPageResponse, type HtmlPage } from '../../shared/platform/http/html-page';
import { httpRoute } from '../../shared/platform/http/route';

const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

/** The page holds no data and no secret (the official types the token), so it is public and cacheable. */
export const makeHandler = (container: Deps) => {
  let page: HtmlPage | undefined;
  return httpRoute(dashboardOperation, () => htmlPageResponse((page ??= dashboardPage())), container.routeOptions);
};

export const handler = lazyHandler(makeHandler, parts);
