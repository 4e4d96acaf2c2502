export * from './events/event-envelope';
export * from './events/event-catalogue';
export * from './errors/domain-error';
export * from './saga/saga';
