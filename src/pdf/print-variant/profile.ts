import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors.js';

/**
 * The CMYK printing condition the press variant is converted to, and declared in its PDF/X
 * output intent. The default is the CMYK profile Ghostscript ships (Debian: libgs-common,
 * /usr/share/color/icc/ghostscript/default_cmyk.icc, "Artifex CMYK SWOP Profile"): a
 * characterisation of SWOP coated web offset, registered at the ICC as CGATS TR 001. A printer
 * working to another condition (FOGRA39 in much of Europe) supplies its own profile.
 */
export interface OutputProfile {
  /** The ICC profile file: the colours are converted to it and it is embedded. */
  file: string;
  /** OutputConditionIdentifier: the registered characterisation (ICC registry) the profile describes. */
  identifier: string;
  /** OutputCondition: the printing condition in words. */
  condition: string;
}

const GHOSTSCRIPT_CMYK = 'default_cmyk.icc';

/** Where Ghostscript's own profiles live: Debian's package first, then the usual install prefixes. */
function ghostscriptProfileCandidates(): string[] {
  const found = [path.join('/usr/share/color/icc/ghostscript', GHOSTSCRIPT_CMYK)];
  for (const prefix of [
    '/usr/share/ghostscript',
    '/usr/local/share/ghostscript',
    '/opt/homebrew/share/ghostscript',
  ]) {
    let versions: string[] = [];
    try {
      versions = readdirSync(prefix).sort().reverse();
    } catch {
      continue;
    }
    for (const v of versions) found.push(path.join(prefix, v, 'iccprofiles', GHOSTSCRIPT_CMYK));
  }
  return found;
}

/** Ghostscript's SWOP profile, found where Ghostscript installed it. */
export function defaultOutputProfile(): OutputProfile {
  const file = ghostscriptProfileCandidates().find((f) => existsSync(f));
  if (!file) {
    throw new UserError(
      `the print variant needs a CMYK output profile: Ghostscript's ${GHOSTSCRIPT_CMYK} was not found (Debian: apt-get install ghostscript libgs-common)`,
    );
  }
  return {
    file,
    identifier: 'CGATS TR 001',
    condition: 'SWOP (Specifications for Web Offset Publications), coated paper',
  };
}

export interface IccInfo {
  bytes: Uint8Array;
  /** Colour space of the data side: 'CMYK', 'RGB ', 'GRAY'... */
  colourSpace: string;
  channels: number;
  /** The profile's own description (its 'desc' tag). */
  description: string;
}

const CHANNELS: Record<string, number> = { GRAY: 1, 'RGB ': 3, 'Lab ': 3, CMYK: 4 };

/** Reads an ICC profile's header and description (ICC v2 'desc' or v4 'mluc'). */
export function readIcc(file: string): IccInfo {
  const bytes = new Uint8Array(readFileSync(file));
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 132 || view.toString('latin1', 36, 40) !== 'acsp')
    throw new UserError(`${file} is not an ICC profile`);
  const colourSpace = view.toString('latin1', 16, 20);
  let description = path.basename(file);
  const tags = view.readUInt32BE(128);
  for (let i = 0; i < tags && 132 + 12 * (i + 1) <= bytes.length; i++) {
    const at = 132 + 12 * i;
    if (view.toString('latin1', at, at + 4) !== 'desc') continue;
    const offset = view.readUInt32BE(at + 4);
    const type = view.toString('latin1', offset, offset + 4);
    if (type === 'desc') {
      const length = view.readUInt32BE(offset + 8);
      description = view.toString('latin1', offset + 12, offset + 12 + length).replace(/\0+$/, '');
    } else if (type === 'mluc') {
      const size = view.readUInt32BE(offset + 20);
      const start = offset + view.readUInt32BE(offset + 24);
      description = Buffer.from(view.subarray(start, start + size))
        .swap16()
        .toString('utf16le');
    }
  }
  return { bytes, colourSpace, channels: CHANNELS[colourSpace] ?? 0, description };
}
