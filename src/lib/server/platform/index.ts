/**
 * The platform module's public face: logging here; accounts, permissions, the audit log and
 * errors are exported alongside as they land.
 */
export { childLogger, logger, type Logger } from './logger';
