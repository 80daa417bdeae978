/**
 * The zod building blocks every operation's arguments are made of: bounded
 * strings, arrays and maps, and objects that refuse unknown fields.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';

export const str = z.string().max(LIMITS.string);
export const text = z.string().max(LIMITS.text);
export const int = z.number().int().min(-(2 ** 53)).max(2 ** 53);
export const uint = z.number().int().min(0).max(2 ** 53);
export const bool = z.boolean();
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected bytes");

export const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.items);
export const strList = list(text);
export const nullableStrList = strList.nullable();

/** a map with bounded keys and count (labels, options, build args) */
export const record = <T extends z.ZodType>(value: T) =>
  z.record(str, value).refine((o) => Object.keys(o).length <= LIMITS.keys, { message: `more than ${LIMITS.keys} keys` });
export const strMap = record(text);

/** filters.Args: name → values */
export const filters = record(strList);

/** an object that refuses every field it does not name */
export const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/** an object ID or name as the CLI passes it (container, image, volume, network, exec) */
export const ref = str;

export const authConfig = strict({
  username: str.optional(),
  password: str.optional(),
  auth: str.optional(),
  email: str.optional(),
  serveraddress: str.optional(),
  identitytoken: text.optional(),
  registrytoken: text.optional(),
});
