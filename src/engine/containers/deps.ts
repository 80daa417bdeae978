/**
 * What the container operations use from the other areas of the daemon
 * (images, volumes, networks), gathered in one place.
 */
export { imageLayers } from '../images/ops/layers';
export { resolveImage } from '../images/ops/resolve';
export { applyMounts } from '../volumes/ops/apply-mounts';
export { prepareMounts } from '../volumes/ops/prepare-mounts';
export { emitMountEvents, releaseMounts } from '../volumes/ops/release-mounts';
export { connectContainer } from '../networks/ops/connect';
export { disconnectAll } from '../networks/ops/disconnect';
export { setEndpoint, emptyEndpoint } from '../networks/endpoint-settings';
export { containerNetFor } from '../networks/ops/container-net';
export { allocatePorts, releasePorts } from '../networks/ops/ports';
export { clearListeners } from '../networks/ops/listeners';
