export { SERVICE_NAMES, SERVICES, type ServiceName } from './services.js';
export { ALL_TOPICS, TOPICS, type TopicContract } from './topics.js';
