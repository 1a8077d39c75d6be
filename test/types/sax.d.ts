// sax ships without types; only what test/cli/ci-formats.test.ts uses.
declare module 'sax' {
  interface Tag {
    name: string;
    attributes: Record<string, string | { value: string }>;
  }
  interface SAXParser {
    onopentag: (tag: Tag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    write(text: string): SAXParser;
    close(): SAXParser;
  }
  const sax: { parser(strict: boolean): SAXParser };
  export default sax;
}
