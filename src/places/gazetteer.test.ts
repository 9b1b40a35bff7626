// Gazetteer: name normalisation, lookups per level, aliases, Arabic names, disambiguation by
// parent; and (when ../shared/geo is present) every point and radius against the OCHA polygons.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import turfArea from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../geo/distance.ts';
import { Gazetteer, normalisePlaceName, type PlaceQuery } from './gazetteer.ts';

const g = Gazetteer.load();
const hit = (q: PlaceQuery) => {
  const r = g.lookup(q);
  return r && `${r.level}:${r.pcode} via ${r.matched}`;
};

describe('normalisePlaceName', () => {
  it('drops case, diacritics, apostrophes, articles and admin words', () => {
    expect(normalisePlaceName("Ma'arrat An Nu'man")).toBe('maarrat numan');
    expect(normalisePlaceName('Maarrat al-Numan')).toBe('maarrat numan');
    expect(normalisePlaceName('Al Ḥasakah')).toBe('hasakah');
    expect(normalisePlaceName('Deir-ez-Zor Governorate')).toBe('deir zor');
    expect(normalisePlaceName('  Jebel   Saman sub-district ')).toBe('jebel saman');
    expect(normalisePlaceName('Markaz Idleb')).toBe('idleb');
    expect(normalisePlaceName('Damascus city')).toBe('damascus');
    expect(normalisePlaceName('Al')).toBe('al');
  });

  it('unifies Arabic spellings: tashkeel, hamza on alef, teh marbuta, the article, مركز', () => {
    expect(normalisePlaceName('حَلَب')).toBe(normalisePlaceName('حلب'));
    expect(normalisePlaceName('إدلب')).toBe(normalisePlaceName('ادلب'));
    expect(normalisePlaceName('مركز الحسكة')).toBe(normalisePlaceName('حسكه'));
  });
});

describe('Gazetteer.lookup: one level at a time', () => {
  it('finds governorates, districts, sub-districts, neighbourhoods and areas', () => {
    expect(hit({ admin1: 'Idleb' })).toBe('adm1:SY07 via admin1');
    expect(hit({ admin2: 'Afrin' })).toBe('adm2:SY0203 via admin2');
    expect(hit({ admin3: 'Atareb' })).toBe('adm3:SY020001 via admin3');
    expect(hit({ location: "Sha'aar" })).toBe('neighbourhood:N0156 via location');
    expect(hit({ location: 'Aleppo' })).toBe('area:AREA-ALEPPO-CITY via location');
  });

  it('returns the point, the covering radius and the English name', () => {
    const r = g.lookup({ location: 'Duma' })!;
    expect(r).toMatchObject({
      level: 'adm3',
      pcode: 'SY030200',
      name: 'Duma',
      matched: 'location',
    });
    expect(r.radiusM % 100).toBe(0);
    expect(haversineM(r.lon, r.lat, 36.41, 33.57)).toBeLessThan(r.radiusM);
  });

  it('reads a location of ACLED style "City - Neighbourhood" by its parts', () => {
    expect(hit({ location: "Aleppo - Sha'aar" })).toBe('neighbourhood:N0156 via location');
    expect(hit({ location: 'Damascus - Jobar' })).toBe('adm3:SY010000 via location');
  });

  it('returns null for names it does not know', () => {
    expect(g.lookup({ location: 'Atlantis' })).toBeNull();
    expect(g.lookup({ admin1: 'Nowhere', admin3: 'Xyz' })).toBeNull();
    expect(g.lookup({})).toBeNull();
    expect(g.lookupVerbose({ location: '  ' }).status).toBe('not_found');
  });
});

describe('Gazetteer.lookup: aliases and Arabic names', () => {
  it.each([
    [{ admin1: 'Halab' }, 'adm1:SY02'],
    [{ location: 'Halab' }, 'area:AREA-ALEPPO-CITY'],
    [{ admin1: 'Rif Dimashq' }, 'adm1:SY03'],
    [{ admin1: 'Reef Damascus' }, 'adm1:SY03'],
    [{ location: 'Eastern Ghouta' }, 'area:AREA-EASTERN-GHOUTA'],
    [{ admin1: 'Deir Ezzor' }, 'adm1:SY09'],
    [{ admin1: 'Deir ez Zor' }, 'adm1:SY09'],
    [{ location: 'Deir-ez-Zor' }, 'adm3:SY090100'],
    [{ admin1: 'Idlib' }, 'adm1:SY07'],
    [{ admin1: 'Raqqa' }, 'adm1:SY11'],
    [{ admin1: 'Hasakah' }, 'adm1:SY08'],
    [{ admin1: 'Deraa' }, 'adm1:SY12'],
    [{ admin1: 'Latakia' }, 'adm1:SY06'],
    [{ admin1: 'Tartus' }, 'adm1:SY10'],
    [{ admin1: 'Sweida' }, 'adm1:SY13'],
    [{ admin1: 'Dayr az Zawr governorate' }, 'adm1:SY09'],
    [{ location: 'Douma' }, 'adm3:SY030200'],
    [{ location: 'Manbij' }, 'adm3:SY020500'],
    [{ location: 'Jisr al-Shughur' }, 'adm3:SY070400'],
    [{ location: 'Maarrat al-Numan' }, 'adm3:SY070200'],
    [{ location: 'Kobani' }, 'adm3:SY020600'],
    [{ admin1: 'إدلب' }, 'adm1:SY07'],
    [{ admin1: 'ريف دمشق' }, 'adm1:SY03'],
    [{ admin3: 'مركز دوما' }, 'adm3:SY030200'],
    [{ location: 'حَلَب' }, 'area:AREA-ALEPPO-CITY'],
    [{ location: 'الغوطة الشرقية' }, 'area:AREA-EASTERN-GHOUTA'],
  ])('%j → %s', (q, expected) => {
    const r = g.lookup(q)!;
    expect(r && `${r.level}:${r.pcode}`).toBe(expected);
  });
});

describe('Gazetteer.lookup: names at several levels', () => {
  it('checks a sub-district against the governorate given', () => {
    expect(hit({ admin3: 'Markaz Idleb', admin1: 'Idleb' })).toBe('adm3:SY070000 via admin3');
  });

  it('uses the parents to choose between namesakes, and reports them when it cannot', () => {
    expect(hit({ admin3: 'Suran', admin1: 'Hama' })).toBe('adm3:SY050101 via admin3');
    expect(hit({ admin3: 'Suran', admin2: "A'zaz" })).toBe('adm3:SY020405 via admin3');
    expect(hit({ location: 'Hameidiyyeh', admin1: 'Tartous' })).toBe('adm3:SY100002 via location');
    expect(hit({ location: 'Hameidiyyeh', admin1: 'Aleppo' })).toBe(
      'neighbourhood:N0150 via location',
    );
    const o = g.lookupVerbose({ admin3: 'Suran' });
    expect(o.status).toBe('ambiguous');
    expect(o.result).toBeNull();
    if (o.status === 'ambiguous')
      expect(o.candidates.map((e) => e.pcode).sort()).toEqual(['SY020405', 'SY050101']);
    expect(g.lookup({ location: 'Hameidiyyeh' })).toBeNull();
  });

  it('refuses an admin name outside the coarser admin given', () => {
    const o = g.lookupVerbose({ admin3: 'Harasta', admin1: 'Aleppo' });
    expect(o).toMatchObject({ status: 'conflict', field: 'admin3', outside: 'admin1' });
  });

  it('takes a location outside the admins given for another place of that name', () => {
    expect(hit({ location: 'Harasta', admin1: 'Aleppo' })).toBe('adm1:SY02 via admin1');
  });

  it('falls back to the admins when the location is unknown', () => {
    expect(hit({ location: 'Kafr Nowhere', admin3: 'Atareb', admin1: 'Aleppo' })).toBe(
      'adm3:SY020001 via admin3',
    );
    expect(hit({ location: 'Kafr Nowhere', admin3: 'Xyz', admin1: 'Aleppo' })).toBe(
      'adm1:SY02 via admin1',
    );
  });

  it('keeps the smallest of the places the names agree on', () => {
    expect(hit({ location: 'Aleppo', admin1: 'Aleppo', admin2: 'Jebel Saman' })).toBe(
      'area:AREA-ALEPPO-CITY via location',
    );
    expect(hit({ location: 'Rural Damascus', admin3: 'Harasta' })).toBe('adm3:SY030201 via admin3');
    expect(hit({ location: 'Eastern Ghouta', admin1: 'Rural Damascus' })).toBe(
      'area:AREA-EASTERN-GHOUTA via location',
    );
    expect(g.lookup({ location: 'Eastern Ghouta', admin1: 'Idleb' })?.pcode).toBe('SY07');
  });
});

describe('data/gazetteer/syria.json', () => {
  const path = fileURLToPath(new URL('../../data/gazetteer/syria.json', import.meta.url));

  it('is small, sorted, and every parent and member exists', () => {
    expect(statSync(path).size).toBeLessThan(1_000_000);
    const pcodes = g.entries.map((e) => e.pcode);
    expect(new Set(pcodes).size).toBe(pcodes.length);
    for (const e of g.entries) {
      for (const p of Object.values(e.parent_pcodes)) expect(g.get(p!)).toBeDefined();
      for (const m of e.member_pcodes ?? []) expect(g.get(m)).toBeDefined();
      expect(e.radius_m).toBeGreaterThan(0);
      expect(e.lon).toBe(Math.round(e.lon * 1e5) / 1e5);
    }
    expect(g.attribution).toMatch(/UN OCHA/);
  });

  it('is cached per path', () => {
    expect(Gazetteer.load()).toBe(g);
  });
});

const geoDir =
  process.env.TRUCELINE_GEO_DIR ?? fileURLToPath(new URL('../../../shared/geo', import.meta.url));
const LAYERS = [
  ['syria-adm1-ocha-2020.geojson', 'ADM1_PCODE'],
  ['syria-adm2-ocha-2016.geojson', 'PCODE'],
  ['syria-adm3-ocha-2016.geojson', 'PCODE'],
  ['aleppo-neighbourhoods-ocha-2016.geojson', 'PCODE'],
] as const;

describe('against the OCHA polygons', () => {
  it.skipIf(!existsSync(`${geoDir}/${LAYERS[0][0]}`))(
    'puts every point inside its polygon and every vertex within its radius',
    () => {
      const shapes = new Map<string, Polygon | MultiPolygon>();
      for (const [file, key] of LAYERS) {
        const fc = JSON.parse(readFileSync(`${geoDir}/${file}`, 'utf8')) as {
          features: { properties: Record<string, string>; geometry: Polygon | MultiPolygon }[];
        };
        for (const f of fc.features) shapes.set(f.properties[key]!.trim(), f.geometry);
      }
      expect(shapes.size).toBe(457);
      for (const e of g.entries) {
        const members = (e.member_pcodes ?? [e.pcode]).map((p) => shapes.get(p)!);
        expect(members.every(Boolean), e.pcode).toBe(true);
        const inside = members.some((s) => booleanPointInPolygon([e.lon, e.lat], s));
        expect(inside, `${e.pcode} point inside`).toBe(true);
        let far = 0;
        for (const s of members)
          for (const rings of s.type === 'Polygon' ? [s.coordinates] : s.coordinates)
            for (const ring of rings)
              for (const [lon, lat] of ring)
                far = Math.max(far, haversineM(e.lon, e.lat, lon!, lat!));
        expect(far, `${e.pcode} radius covers`).toBeLessThanOrEqual(e.radius_m);
        expect(e.radius_m - far, `${e.pcode} radius tight`).toBeLessThan(100);
        const km2 = members.reduce((a, s) => a + turfArea(s), 0) / 1e6;
        expect(Math.abs(km2 - e.area_km2), `${e.pcode} area`).toBeLessThan(0.001);
      }
      expect(g.entries.length).toBe(shapes.size + 2);
    },
  );
});
