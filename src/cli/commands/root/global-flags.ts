/**
 * docker's global options (cli/flags/common.go + --config, -v), with the
 * defaults docker prints: they depend on the config directory.
 */
import type { FlagSpec } from '../../framework/command';

export const DOCKER_VERSION_LINE = 'Docker version 20.10.24+dfsg1, build 297e128';

/** logrus.ParseLevel's accepted names (case-insensitive) */
export const LOG_LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];

/** The daemon socket the sandbox's engine stands for. */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

export function globalFlags(configDir: string): FlagSpec[] {
  return [
    { name: 'config', type: 'string', usage: 'Location of client config files', default: configDir },
    {
      name: 'context',
      short: 'c',
      type: 'string',
      usage:
        'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
    },
    { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
    { name: 'host', short: 'H', type: 'list', usage: 'Daemon socket(s) to connect to' },
    {
      name: 'log-level',
      short: 'l',
      type: 'string',
      usage: 'Set the logging level ("debug"|"info"|"warn"|"error"|"fatal")',
      default: 'info',
    },
    { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
    {
      name: 'tlscacert',
      type: 'string',
      usage: 'Trust certs signed only by this CA',
      default: `${configDir}/ca.pem`,
    },
    { name: 'tlscert', type: 'string', usage: 'Path to TLS certificate file', default: `${configDir}/cert.pem` },
    { name: 'tlskey', type: 'string', usage: 'Path to TLS key file', default: `${configDir}/key.pem` },
    { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
    { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
  ];
}
