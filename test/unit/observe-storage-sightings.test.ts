import { describe, expect, it } from 'vitest';
import { StorageSightings, type StoredItem } from '../../lib/observe/storage-sightings';

const db: StoredItem = { topSite: 'site.test', origin: 'https://www.site.test', area: 'indexedDB', name: 'analytics' };
const A = 1;
const B = 2;

describe('StorageSightings: two open tabs of one site share its storage', () => {
  it("leaves out a read of what another tab's page was seen opening", () => {
    const sightings = new StorageSightings();
    expect(sightings.noteOpened(db, A)).toEqual([]);
    expect(sightings.admitRead(db, B, 'b-db')).toBe(false);
    expect(sightings.admitRead(db, A, 'a-db')).toBe(true); // the opener's own read
  });

  it('takes back a read that reached the worker before the other tab saw its page open the item', () => {
    const sightings = new StorageSightings();
    expect(sightings.admitRead(db, B, 'b-db')).toBe(true);
    expect(sightings.noteOpened(db, A)).toEqual(['b-db']);
    expect(sightings.admitRead(db, B, 'b-db')).toBe(false);
  });

  it("keeps a tab's read its own hook stands behind, and reads nobody was seen opening", () => {
    const sightings = new StorageSightings();
    expect(sightings.admitRead(db, B, 'b-db')).toBe(true);
    expect(sightings.noteOpened(db, B)).toEqual([]);
    expect(sightings.noteOpened(db, A)).toEqual([]); // B opened it too: its sighting stays
    const other = { ...db, name: 'other' };
    expect(sightings.admitRead(other, B, 'b-other')).toBe(true);
    expect(sightings.admitRead(other, A, 'a-other')).toBe(true);
  });

  it('tells items apart by partition, origin, area and name', () => {
    const sightings = new StorageSightings();
    sightings.noteOpened(db, A);
    for (const item of [{ ...db, topSite: 'other.test' }, { ...db, origin: 'https://cdn.site.test' }, { ...db, area: 'cache' }, { ...db, name: 'x' }]) {
      expect(sightings.admitRead(item, B, 'b')).toBe(true);
    }
  });
});
