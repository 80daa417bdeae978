/**
 * lesson.yaml: a lesson's structure (the words are in en.md and zh-CN.md).
 *
 *   id: first-container
 *   level: beginner
 *   minutes: 10
 *   tags: [basics]
 *   prerequisites: []
 *   setup: { images: [hello-world] }
 *   steps:
 *     - id: run-hello
 *       checks: [ { container: { image: hello-world }, state: exited } ]
 *       solution: [ docker run hello-world ]
 *     - id: image-or-container
 *       quiz: { answer: b }
 *
 * Checks are validated one by one (check-schema.ts) so that an error names the
 * check's own fields.
 */
import { z } from 'zod';
import { text } from './check-schema';

export const LESSON_ID = /^[a-z0-9][a-z0-9-]*$/;

const idString = z.string().regex(LESSON_ID, 'lower-case letters, digits and - (like "first-container")');

export const setupSchema = z.strictObject({
  images: z.array(z.string().min(1)).optional(),
  files: z.record(z.string().min(1), z.string()).optional(),
  commands: z.array(z.string().min(1)).optional(),
  hub: z.array(z.strictObject({ publish: z.string().min(1) })).optional(),
});

export const stepSchema = z.strictObject({
  id: idString,
  setup: setupSchema.optional(),
  /** checked separately (check-schema.ts) */
  checks: z.array(z.unknown()).optional(),
  solution: z.union([z.string(), z.array(z.string())]).optional(),
  quiz: z.strictObject({ answer: z.union([z.string(), z.array(z.string()).min(1)]) }).optional(),
  /** the step cannot work on a real engine: why, per language (the runtime says so there) */
  'simulator-only': text.optional(),
});

export const lessonSchema = z.strictObject({
  id: idString,
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  minutes: z.number().int().min(1).max(600),
  tags: z.array(z.string().min(1)).default([]),
  prerequisites: z.array(idString).default([]),
  setup: setupSchema.optional(),
  steps: z.array(stepSchema).min(1),
});

export type LessonYaml = z.infer<typeof lessonSchema>;
export type StepYaml = z.infer<typeof stepSchema>;
