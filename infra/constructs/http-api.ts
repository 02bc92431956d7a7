import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  type HttpStage,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, type HttpFunction, type Route } from '../../shared/app/functions';

export interface HttpApiRoutesTarget {
  readonly definition: HttpFunction;
  readonly fn: IFunction;
}

export interface PublicHttpApiProps {
  readonly apiName: string;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly allowedOrigins: readonly string[];
  readonly targets: readonly HttpApiRoutesTarget[];
}

// Enough for the portals' traffic; stops a misbehaving client before it reaches DynamoDB.
const THROTTLE = { rateLimit: 50, burstLimit: 100 };

// Identifies and times a request without recording what was sent: no body, no headers, no
// query string (they may carry citizens' personal data or bearer tokens).
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  responseLength: '$context.responseLength',
};

/** The portal-facing HTTP API: every route of every http function, behind JWT unless declared public. */
export class PublicHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      // The stage is created below so that it can carry access logs and throttling.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.OPTIONS],
        allowHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-correlation-id'],
        maxAge: Duration.hours(1),
      },
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS }),
        ),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const jwt = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      jwtAudience: [props.jwtAudience],
    });
    const seen = new Set<string>();
    for (const { definition, fn } of props.targets) {
      const integration = new HttpLambdaIntegration(`${definition.name}Integration`, fn);
      for (const route of definition.trigger.routes) {
        const key = routeKey(route);
        if (seen.has(key)) throw new Error(`Route ${key} is declared by more than one function`);
        seen.add(key);
        this.addRoute(route, integration, route.auth === 'jwt' ? jwt : new HttpNoneAuthorizer());
      }
    }
  }

  private addRoute(route: Route, integration: HttpLambdaIntegration, authorizer: IHttpRouteAuthorizer): void {
    const [httpRoute] = this.api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration,
      authorizer,
    });
    if (route.auth === 'none' && httpRoute) {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          `${routeKey(route)} is declared auth 'none' in shared/app/functions.ts: it serves public, ` +
          'non-personal data (health, API description, procedure catalogue, fee quotes) or is a provider ' +
          'callback whose signature the handler verifies; a JWT would lock out anonymous citizens and providers.',
      });
    }
  }
}
