/** The content (stories) feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'cmd.story':
    'share a success story (HR reviews it before it is published; HR: add “review” to see the stories waiting)',
  'content.badLink':
    'That link doesn’t look right — it should be a web address starting with https:// (or http:// for an intranet page), e.g. https://example.com/article.',
  'content.badComment': (p: { max: number }) =>
    `Add a short comment after the link (up to ${p.max} characters): why is it worth reading?`,
  'content.longComment': (p: { n: number; max: number }) =>
    `The comment is ${p.n} characters; up to ${p.max} fit. Shorten it and send the command again — nothing was posted.`,
  'content.noChannel':
    'CONTENT_CHANNEL is not set, so there is nowhere to publish. Nothing was posted.',
  'content.posted': 'Posted to the content channel; it will also be in the weekly digest.',
  'story.form.title': 'Your story',
  'story.form.submit': 'Send to HR',
  'story.field.text': 'What happened? A few sentences are enough.',
  'story.hint.text':
    'e.g. “With Tom’s help I set up an AI assistant; my Friday report now takes 20 minutes instead of 2 hours.”',
  'story.field.consent':
    'Once HR approves it, may we publish it with your name in the content channel?',
  'story.consent.yes': 'Yes, publish it with my name',
  'story.consent.no': 'No — then don’t send it',
  'story.declined': (p: { story: string }) =>
    `Understood — nothing was sent, and your text is not kept. Stories are published with their author’s name; if you change your mind, ${p.story} starts again.`,
  'story.submitted': 'Thank you! HR will read it; you’ll hear when it is published.',
  'story.cancelled': 'Nothing was sent.',
  'story.noneWaiting': 'No stories are waiting for review.',
  'story.orNew': (p: { story: string }) => `To write a new story instead: ${p.story} new.`,
  'story.usage': (p: { story: string }) =>
    `${p.story} opens the form for your story; HR: ${p.story} review shows the stories waiting for review.`,
  'story.review': (p: { name: string; text: string }) => `New story from ${p.name}:\n${p.text}`,
  'story.button.approve': 'Approve',
  'story.button.edit': 'Edit',
  'story.button.reject': 'Reject',
  'story.edit.title': 'Edit the story',
  'story.edit.submit': 'Send to the author',
  'story.reject.title': 'Send the story back',
  'story.reject.submit': 'Send back',
  'story.field.reason': 'Why? (the author reads this)',
  'story.hint.reason': 'e.g. “Please leave out the client’s name — then it’s ready.”',
  'story.approvedDone': 'Published to the content channel; the author has been told.',
  'story.rejectedDone': 'Sent back; the author has your note.',
  'story.alreadyHandled': 'This story has already been handled.',
  'story.notFound': 'That story no longer exists.',
  'story.published': 'Your story is published in the content channel. Thank you for sharing!',
  'story.rejected': (p: { reason: string }) => `HR sent your story back: ${p.reason}`,
  'story.invite':
    'Your pair is doing great work! Would you tell others how it goes? Type /story — a few sentences are enough.',
  'digest.title': 'This week in reverse mentoring',
  'digest.posts': 'Worth reading:',
  'digest.stories': 'Stories:',
  'digest.outcomes': 'Experiments:',
  'story.editProposed': (p: { text: string }) =>
    `HR suggests this version of your story before it is published under your name:\n\n${p.text}`,
  'story.button.publishEdit': 'Publish this version',
  'story.button.withdraw': 'Withdraw my story',
  'story.editSent': 'Sent to the author: it is published when they agree to your version.',
  'story.publishedByYou': 'Published in the content channel. Thank you for sharing!',
  'story.withdrawn': 'Your story is withdrawn; nothing was published.',
  'channel.reason.not_member': 'Tandem is not a member of it',
  'channel.reason.not_found': 'Tandem can’t find it',
  'channel.reason.archived': 'it is archived or gone',
  'channel.reason.no_rights': 'Tandem may not post there',
  'channel.reason.cannot_check': 'the platform refused the post',
  'content.sending': 'Sending it to the content channel; you’ll hear once it is there.',
  'content.notPosted': (p: { reason: string }) =>
    `Your link could not be posted to the content channel (${p.reason}), so nothing was published. The program’s admins have been told how to fix it; post it again once they have.`,
  'story.sending': 'Approved. You’ll hear once it is published in the content channel.',
  'story.sendingYours':
    'Sending your story to the content channel; you’ll hear once it is published.',
  'story.notPublished': (p: { reason: string }) =>
    `The story could not be posted to the content channel (${p.reason}), so it is not published. The program’s admins have been told how to fix it; it is back in review — approve it again once they have.`,
  'story.notPublishedYours':
    'Your story could not be posted to the content channel yet, so it is not published. The program team has been told and will publish it once the channel is fixed.',
  // A channel post whose process died while sending it (issue 13 §2): nobody can know if it is there.
  'content.uncertain':
    'Tandem stopped while posting your link to the content channel, so it may not have been posted. Please check the channel; if the link is not there, post it again.',
  'story.uncertain': (p: { name: string }) =>
    `Tandem stopped while posting ${p.name}’s story to the content channel, so it may not have been posted. Please check the channel; if the story is not there, approve it again — it is back in review.`,
  'story.uncertainYours':
    'Tandem stopped while posting your story to the content channel, so it may not have been published. The program team has been asked to check and publish it if it is missing.',
};
