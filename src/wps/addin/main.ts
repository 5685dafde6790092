/**
 * main.js of the WPS add-in: the ribbon's callbacks, as global functions ribbon.xml names
 * (onLoad="OnAddinLoad", onAction="OnAction", getImage="GetImage"). Loaded by index.html, the page WPS
 * opens for the add-in. No Office.js.
 */
import { BUTTON_IDS, pageEnvironment, runButton } from "./commands";

const IMAGES: Record<string, string> = {
  ttValidate: "images/validate-32.png",
  ttInsertTemplate: "images/insert-template-32.png",
  ttClear: "images/icon-32.png",
  ttShowPane: "images/show-pane-32.png",
};

interface RibbonControl {
  Id: string;
}

const callbacks = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: RibbonControl): void {
    const env = pageEnvironment();
    if (!env) return;
    void runButton(control.Id, env);
  },
  GetImage(control: RibbonControl): string {
    return IMAGES[control.Id] ?? "images/icon-32.png";
  },
};

Object.assign(window as unknown as Record<string, unknown>, callbacks, { TARGET_TABLE_BUTTONS: BUTTON_IDS });
