import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Functions, httpFunctions, routeKey } from '../../shared/app/functions';
import { SecureFunction } from './fixtures/definitions';
import { buildTestApp, ref, templateOf, withFixtureEntries } from './support';

const ISSUER = 'https://login.example.gov.vn/realms/test';
const AUDIENCE = 'test-audience';
const ORIGINS = ['https://portal-a.example.gov.vn', 'https://portal-b.example.gov.vn'];

const definitions = [...withFixtureEntries(Functions), SecureFunction];
const routes = definitions.flatMap((f) => (f.trigger.kind === 'http' ? f.trigger.routes : []));

describe('http api', () => {
  let template: Template;

  beforeAll(() => {
    template = templateOf(
      buildTestApp({
        context: {
          'toantrinh:jwtIssuer': ISSUER,
          'toantrinh:jwtAudience': AUDIENCE,
          'toantrinh:portalOrigins': ORIGINS.join(' , '),
        },
        overrides: { functions: definitions },
      }),
    );
  });

  const routeByKey = (key: string) => {
    const [route] = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } }));
    if (!route) throw new Error(`no route ${key}`);
    return route.Properties;
  };

  it('has a JWT authorizer with issuer and audience from context', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: [AUDIENCE] },
    });
  });

  it('exposes exactly the routes of the http functions', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    for (const definition of httpFunctions()) {
      for (const route of definition.trigger.routes) expect(() => routeByKey(routeKey(route))).not.toThrow();
    }
  });

  it.each(routes.map((r) => ({ key: routeKey(r), auth: r.auth })))('$key is protected as declared ($auth)', ({ key, auth }) => {
    const route = routeByKey(key);
    if (auth === 'jwt') {
      const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      expect(route.AuthorizationType).toBe('JWT');
      expect(route.AuthorizerId).toEqual(ref(authorizerId!));
    } else {
      expect(route.AuthorizationType).toBe('NONE');
      expect(route.AuthorizerId).toBeUndefined();
    }
  });

  it('answers CORS preflights for the portal origins from context', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: ORIGINS,
        AllowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
        AllowHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-correlation-id'],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { CORS_ALLOWED_ORIGINS: ORIGINS.join(',') } },
    });
  });

  it('throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('writes JSON access logs without bodies or credentials to a retained log group', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const settings = stage!.Properties.AccessLogSettings;
    const logGroupId = settings.DestinationArn['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[logGroupId].Type).toBe('AWS::Logs::LogGroup');
    expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(90);

    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
    });
    for (const variable of Object.values(format)) {
      expect(variable).not.toMatch(/body|header|authorization|claims|querystring/i);
    }
  });

  it('outputs the API URL', () => {
    template.hasOutput('ApiUrl', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
  });
});

describe('http api route validation', () => {
  it('rejects two functions declaring the same route', () => {
    const duplicate = { ...SecureFunction, name: 'SecureProbeCopy' };
    expect(() => buildTestApp({ overrides: { functions: [SecureFunction, duplicate] } })).toThrow(
      /GET \/v1\/probe\/secure is declared by more than one function/,
    );
  });
});
