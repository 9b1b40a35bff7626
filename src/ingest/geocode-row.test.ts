// geocodeMissingCoordinates: which rows it touches, what a geocoded row gets, and the rejections.
import { describe, expect, it, vi } from 'vitest';
import { Gazetteer } from '../places/gazetteer.ts';
import { geocodeMissingCoordinates } from './geocode-row.ts';

const g = Gazetteer.load();

describe('geocodeMissingCoordinates', () => {
  it('leaves rows with coordinates, with one of the two, or without a place name alone', () => {
    const load = vi.fn(() => g);
    expect(geocodeMissingCoordinates({ latitude: '36.2', longitude: '37.1', admin1: 'Aleppo' }, load)).toBeNull();
    expect(geocodeMissingCoordinates({ latitude: '', longitude: '37.1', admin1: 'Aleppo' }, load)).toBeNull();
    expect(geocodeMissingCoordinates({ latitude: ' ', longitude: '', location: '  ' }, load)).toBeNull();
    expect(geocodeMissingCoordinates({ admin1: null, admin2: '' }, load)).toBeNull();
    expect(load).not.toHaveBeenCalled();
  }); // prettier-ignore

  it('gives a named place its point, its covering radius and a geocoded flag', () => {
    const r = geocodeMissingCoordinates(
      { latitude: '', longitude: '', admin1: 'Idleb', admin3: 'Markaz Idleb' },
      g,
    );
    const e = g.get('SY070000')!;
    expect(r).toEqual({
      ok: true,
      lat: e.lat,
      lon: e.lon,
      uncertainty_m: e.radius_m,
      geocoded: 'adm3:SY070000',
      matched: 'admin3',
    });
  });

  it('reads a row without latitude/longitude cells at all, through a lazy loader', () => {
    const load = vi.fn(() => g);
    const r = geocodeMissingCoordinates({ location: 'Eastern Ghouta' }, load);
    expect(r).toMatchObject({ ok: true, geocoded: 'area:AREA-EASTERN-GHOUTA' });
    expect(load).toHaveBeenCalledOnce();
  });

  it('pads the radius when asked', () => {
    const r = geocodeMissingCoordinates({ location: "Sha'aar" }, g, { paddingM: 2_000 });
    expect(r).toMatchObject({ ok: true, uncertainty_m: g.get('N0156')!.radius_m + 2_000 });
  });

  it('geocodes aliases and Arabic names', () => {
    expect(geocodeMissingCoordinates({ admin1: 'Rif Dimashq' }, g)).toMatchObject({
      geocoded: 'adm1:SY03',
      matched: 'admin1',
    });
    expect(geocodeMissingCoordinates({ location: 'دوما' }, g)).toMatchObject({
      geocoded: 'adm3:SY030200',
    });
  });

  it('rejects names the gazetteer does not know, naming them', () => {
    expect(geocodeMissingCoordinates({ location: 'Kafr Nowhere', admin1: 'Atlantis' }, g)).toEqual({
      ok: false,
      message: 'no coordinates, and "Kafr Nowhere, Atlantis" is not in the gazetteer',
    });
  });

  it('rejects a name that fits several places, listing them', () => {
    const r = geocodeMissingCoordinates({ admin3: 'Suran' }, g);
    expect(r?.ok).toBe(false);
    if (r?.ok !== false) return;
    expect(r.message).toMatch(/^no coordinates, and "Suran" matches several places: /);
    expect(r.message).toContain("Suran (sub-district SY020405 in A'zaz, Aleppo)");
    expect(r.message).toContain('Suran (sub-district SY050101 in Hama, Hama)');
  });

  it('rejects admin names that contradict each other', () => {
    const r = geocodeMissingCoordinates({ admin3: 'Harasta', admin1: 'Aleppo' }, g);
    expect(r).toEqual({
      ok: false,
      message:
        'no coordinates, and admin3 "Harasta" is not in admin1 "Aleppo": the gazetteer knows ' +
        'only Harasta (sub-district SY030201 in Duma, Rural Damascus)',
    });
  });
});
