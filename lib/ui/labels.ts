import { ObservationKind } from '../model/observation';

/** Kinds in schema order, with the words the popup uses for them. */
export const KIND_ORDER: readonly ObservationKind[] = ObservationKind.options;

export const KIND_LABELS: Record<ObservationKind, string> = {
  request: 'request',
  cookie: 'cookie',
  storage: 'storage',
  beacon: 'beacon',
  flash: 'Flash',
};
