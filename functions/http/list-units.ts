import { listCommunesOperation, listProvincesOperation, UNITS_MAX_AGE_SECONDS } from '../../shared/modules/addresses/api/operations';
import { listCommunes, listProvinces } from '../../shared/modules/addresses/use-cases/list-units';
import { base } from '../../shared/app/container/base';
import { addresses } from '../../shared/app/container/catalogue';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { cacheableJson } from '../../shared/platform/http/conditional-get';
import { httpRoute } from '../../shared/platform/http/route';
import { httpRouteTable } from '../../shared/platform/http/route-table';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, addresses] as const;
type Deps = ContainerOf<typeof parts>;

const caching = { maxAgeSeconds: UNITS_MAX_AGE_SECONDS };

/** The address API: both lists of the official units, public and cacheable, from one function. */
export const makeHandler = (container: Deps) =>
  httpRouteTable([
    [
      listProvincesOperation,
      httpRoute(listProvincesOperation, async ({ headers }) =>
        cacheableJson(await listProvinces(container.unitsDirectory), headers['if-none-match'], caching), container.routeOptions),
    ],
    [
      listCommunesOperation,
      httpRoute(listCommunesOperation, async ({ params, headers }) =>
        cacheableJson(await listCommunes(container.unitsDirectory, params.provinceCode), headers['if-none-match'], caching), container.routeOptions),
    ],
  ]);

export const handler = lazyHandler(makeHandler, parts);
