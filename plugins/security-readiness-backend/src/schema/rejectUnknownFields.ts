import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
};

type Spec = {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The path (`request/body/...`) of the first field of `value` that its
 * schema does not allow, and the fields it does allow.
 */
function findUnknownField(
  spec: Spec,
  value: unknown,
  schema: Schema | undefined,
  path: string,
): { path: string; allowed: string[] } | undefined {
  let resolved = schema;
  while (resolved?.$ref) {
    const name = resolved.$ref.replace('#/components/schemas/', '');
    resolved = spec.components?.schemas?.[name];
  }
  if (!resolved) {
    return undefined;
  }
  if (Array.isArray(value) && resolved.items) {
    for (const [index, item] of value.entries()) {
      const found = findUnknownField(
        spec,
        item,
        resolved.items,
        `${path}/${index}`,
      );
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  if (!isObject(value) || !resolved.properties) {
    return undefined;
  }
  const properties = resolved.properties;
  for (const [key, child] of Object.entries(value)) {
    if (key in properties) {
      const found = findUnknownField(
        spec,
        child,
        properties[key],
        `${path}/${key}`,
      );
      if (found) {
        return found;
      }
    } else if (resolved.additionalProperties === false) {
      return { path: `${path}/${key}`, allowed: Object.keys(properties) };
    }
  }
  return undefined;
}

/**
 * Answers a body with a field the spec does not allow with a 400 that names
 * the field and the allowed ones. The OpenAPI validator refuses such bodies
 * too, but its message ("must NOT have additional properties") does not
 * say which field; this runs before it.
 */
export function rejectUnknownFields(spec: Spec): RequestHandler {
  const routes = Object.entries(spec.paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    operations,
  }));
  return (req, _res, next) => {
    if (!isObject(req.body) && !Array.isArray(req.body)) {
      next();
      return;
    }
    const route = routes.find(r => r.pattern.test(req.path));
    const schema =
      route?.operations[req.method.toLocaleLowerCase('en-US')]?.requestBody
        ?.content?.['application/json']?.schema;
    const unknown = findUnknownField(spec, req.body, schema, 'request/body');
    if (unknown) {
      next(
        new InputError(
          `${unknown.path} is not a known field; use ${unknown.allowed.join(
            ', ',
          )}`,
        ),
      );
      return;
    }
    next();
  };
}
