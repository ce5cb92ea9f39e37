import { OBSERVATION_KINDS, type ObservationKind } from '../model/vocabulary';

/** Kinds in schema order, with the words the popup uses for them. */
export const KIND_ORDER: readonly ObservationKind[] = OBSERVATION_KINDS;

export const KIND_LABELS: Record<ObservationKind, string> = {
  request: 'request',
  cookie: 'cookie',
  storage: 'storage',
  beacon: 'beacon',
  flash: 'Flash',
};
