import { describe, expect, it } from "vitest";
import { holdsRecharts, onDemandChunks } from "./chunk-text";

const chunk = (body: string) => `(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,${body}]);`;

describe("onDemandChunks", () => {
  it("lists the chunks of every loader in the chunk, once each, in order", () => {
    const text = chunk(
      '77349,e=>{e.v(t=>Promise.all(["static/chunks/3wuour7vrfwvb.js","static/chunks/1vb2pmvah7cx0.js"].map(t=>e.l(t))).then(()=>t(94646)))},' +
        '77350,e=>{e.v(t=>Promise.all(["static/chunks/2mthw08u_9r9e.js","static/chunks/1vb2pmvah7cx0.js"].map(t=>e.l(t))).then(()=>t(94647)))}',
    );
    expect(onDemandChunks(text)).toEqual(["3wuour7vrfwvb.js", "1vb2pmvah7cx0.js", "2mthw08u_9r9e.js"]);
  });

  it("ignores other Promise.all calls and chunk names outside a loader", () => {
    expect(onDemandChunks(chunk('1,e=>{Promise.all([a(),b()]);let x="static/chunks/x.js"}'))).toEqual([]);
  });
});

describe("holdsRecharts", () => {
  it("finds recharts by the class names it draws with", () => {
    expect(holdsRecharts(chunk('1,e=>{e.className="recharts-surface"}'))).toBe(true);
    expect(holdsRecharts(chunk('1,e=>{e.className="chart"}'))).toBe(false);
  });
});
