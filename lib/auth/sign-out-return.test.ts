import { describe, expect, it } from "vitest";
import { addressWithoutSignOutState } from "./sign-out-return";

const HOME = "http://localhost:3000/";

describe("addressWithoutSignOutState", () => {
  it("drops the state a sign-out brings back to the post-logout address, and keeps the rest", () => {
    expect(addressWithoutSignOutState(`${HOME}?state=eyJpZCI6IjEifQ%3D%3D`, HOME)).toBe(HOME);
    expect(addressWithoutSignOutState(`${HOME}?view=table&state=abc#board`, HOME)).toBe(`${HOME}?view=table#board`);
  });

  it("leaves every other address alone", () => {
    expect(addressWithoutSignOutState(HOME, HOME)).toBeUndefined();
    // A sign-in response is MSAL's to take in.
    expect(addressWithoutSignOutState(`${HOME}?code=xyz&state=abc`, HOME)).toBeUndefined();
    expect(addressWithoutSignOutState(`${HOME}?error=access_denied&state=abc`, HOME)).toBeUndefined();
    // A permalink's own query is the person's.
    expect(addressWithoutSignOutState("http://localhost:3000/op/devcenter/h/p/id?state=mine", HOME)).toBeUndefined();
    expect(addressWithoutSignOutState("https://other.example/?state=abc", HOME)).toBeUndefined();
    expect(addressWithoutSignOutState("not a url", HOME)).toBeUndefined();
  });
});
