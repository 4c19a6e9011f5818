import descriptor from "../../data/leiden-2022/datapackage.json";
import { Edition } from "../data/descriptor";
import { loadShippedPackage } from "../data/shipped";
import { PulledPackage } from "./types";

/** What the shipped edition's datapackage.json says of itself. */
export const SHIPPED_EDITION: Edition = {
  name: descriptor.name,
  title: descriptor.title,
  version: descriptor.version,
  referenceDate: descriptor.referenceDate,
};

export const SHIPPED_ORIGIN = "meegeleverde editie";

/** The edition compiled into the add-in: the offline default. */
export function pullShipped(): PulledPackage {
  return { package: loadShippedPackage(), edition: SHIPPED_EDITION, origin: SHIPPED_ORIGIN };
}
