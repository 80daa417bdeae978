import { describe, expect, it } from 'vitest';
import { WorkspacePaths } from './workspace-paths';

describe('WorkspacePaths.unmap', () => {
  const p = new WorkspacePaths('/tmp/dyt/abc/workspace/host');
  it("shows a workspace path as the learner's host path", () => {
    expect(p.unmap('/tmp/dyt/abc/workspace/host/home/learner/site')).toBe('/home/learner/site');
    expect(p.unmap('/tmp/dyt/abc/workspace/host')).toBe('/');
    expect(p.unmapBind('/tmp/dyt/abc/workspace/host/src:/usr/share/nginx/html:ro')).toBe('/src:/usr/share/nginx/html:ro');
  });
  it("shows the workspace's paths in a daemon's text as the learner's", () => {
    expect(p.unmapText('invalid mount config for type "bind": bind source path does not exist: /tmp/dyt/abc/workspace/host/src/webapp')).toBe(
      'invalid mount config for type "bind": bind source path does not exist: /src/webapp',
    );
  });
  it('leaves other paths and volume names alone', () => {
    expect(p.unmap('/tmp/dyt/abc/workspace/hostile/x')).toBe('/tmp/dyt/abc/workspace/hostile/x');
    expect(p.unmapBind('data:/data')).toBe('data:/data');
  });
});
