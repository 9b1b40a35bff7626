// Answers to the requests web/index.html starts before the bundle loads (the sign-in check, the
// agreements and the base map). Each is taken at most once, and only if it succeeded: a 401 from
// before sign-in must not stand in for the answer after it.
declare global {
  interface Window {
    __trucelinePrefetch?: Record<string, Promise<Response | null> | undefined>;
  }
}

export async function takePrefetched(path: string): Promise<Response | null> {
  const started = window.__trucelinePrefetch?.[path];
  if (!started) return null;
  delete window.__trucelinePrefetch![path];
  const res = await started;
  return res && res.ok ? res : null;
}
