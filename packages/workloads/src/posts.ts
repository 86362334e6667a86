/**
 * The lesson's I/O-bound task: fetch one JSONPlaceholder-style post and check its shape.
 */
import type { FetchPostsTask, TaskServices } from "./task.ts";

export interface Post {
  userId: number;
  id: number;
  title: string;
  body: string;
}

/** Checks that `value` is the post with id `expectedId`; throws with the reason otherwise. */
export function assertPost(value: unknown, expectedId: number): asserts value is Post {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`post ${expectedId}: expected a JSON object, got ${value === null ? "null" : typeof value}`);
  }
  const post = value as Record<string, unknown>;
  for (const field of ["userId", "id"] as const) {
    if (!Number.isInteger(post[field])) throw new TypeError(`post ${expectedId}: field "${field}" is not an integer`);
  }
  for (const field of ["title", "body"] as const) {
    if (typeof post[field] !== "string") throw new TypeError(`post ${expectedId}: field "${field}" is not a string`);
  }
  if (post.id !== expectedId) throw new TypeError(`post ${expectedId}: the server answered post ${String(post.id)}`);
}

/** The post the mock API serves for `id`: deterministic, so clients and tests agree on it. */
export function makePost(id: number): Post {
  return {
    userId: Math.ceil(id / 10),
    id,
    title: `post ${id}: concurrency is not parallelism`,
    body: `Body of post ${id}. `.repeat(8).trim(),
  };
}

/** A checksum over fetched posts, so an I/O cell returns one verifiable value like a CPU cell. */
export function postIdChecksum(ids: readonly number[]): number {
  return ids.reduce((sum, id) => sum + id, 0);
}

/** Fetches the task's posts one after another and checks each; returns their id checksum. */
export async function fetchPosts(task: FetchPostsTask, services: TaskServices): Promise<number> {
  for (const id of task.ids) {
    const url = `${task.baseUrl}/posts/${id}${task.latencyMs === undefined ? "" : `?latency=${task.latencyMs}`}`;
    assertPost(await services.fetchJson(url, task.timeoutMs, task.client), id);
  }
  return postIdChecksum(task.ids);
}

/**
 * The address a user's I/O task is handed for the mock API: every post under it is answered after `latencyMs`
 * (`${target}/posts/7`), the latency in the path so the task builds its URLs as it would for any base address.
 */
export const mockApiTarget = (baseUrl: string, latencyMs: number): string => `${baseUrl}/latency/${latencyMs}`;
