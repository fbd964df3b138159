/**
 * 居民身份证阅读器. Counter readers (华视, 神思 …) are reached through a vendor service on the officer's
 * PC; this adapter hides which one. Until a vendor service is configured (localStorage
 * `jsga.device.idCardReader` = its URL), a simulated reader answers with the documented demo citizen,
 * so demonstrations and tests run without hardware.
 */
export type IdCardData = { name: string; sex: string; ethnicity: string; birthDate: string; address: string; idNo: string; issuingAuthority: string; validPeriod: string };

export interface IdCardReader {
  /** Reads the card on the reader; rejects with a Chinese message when there is none or it cannot be read. */
  read(): Promise<IdCardData>;
  readonly simulated: boolean;
}

const DEMO_CARD: IdCardData = {
  name: '张明远', sex: '男', ethnicity: '汉', birthDate: '1988-07-15', address: '江苏省南京市玄武区珠江路88号1幢302室', idNo: '320102198807150034',
  issuingAuthority: '南京市公安局玄武分局', validPeriod: '2018.03.10-2038.03.10',
};

export const simulatedReader: IdCardReader = {
  simulated: true,
  read: () => new Promise((resolve) => setTimeout(() => resolve({ ...DEMO_CARD }), 300)),
};

/** A vendor service answering `GET <url>` with the card's fields as JSON (the common shape of counter reader services). */
export function serviceReader(url: string): IdCardReader {
  return {
    simulated: false,
    async read() {
      let res: Response;
      try {
        res = await fetch(url, { cache: 'no-store' });
      } catch {
        throw new Error('无法连接身份证阅读器服务，请检查读卡器是否已连接');
      }
      if (!res.ok) throw new Error('未读到身份证，请将证件放在读卡器上重试');
      const d = (await res.json()) as Partial<IdCardData>;
      if (!d.name || !d.idNo) throw new Error('未读到身份证，请将证件放在读卡器上重试');
      return { name: d.name, sex: d.sex ?? '', ethnicity: d.ethnicity ?? '', birthDate: d.birthDate ?? '', address: d.address ?? '', idNo: d.idNo.toUpperCase(), issuingAuthority: d.issuingAuthority ?? '', validPeriod: d.validPeriod ?? '' };
    },
  };
}

export function currentReader(): IdCardReader {
  let url: string | null = null;
  try {
    url = window.localStorage.getItem('jsga.device.idCardReader');
  } catch {
    url = null;
  }
  return url ? serviceReader(url) : simulatedReader;
}

export const readIdCard = () => currentReader().read();
